import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '#libs/http';
import { Kroner } from '../dto-decorators.js';

export class YrkesfagSettleRepaymentDto {
  @Kroner('Repaid on the claim', 1) amount: number;
  @ApiProperty({ example: '2028-03-01' }) @IsCalendarDate() settledOn: string;
}
