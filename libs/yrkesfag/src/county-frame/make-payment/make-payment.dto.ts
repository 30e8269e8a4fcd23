import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '#libs/http';
import { Kroner } from '../dto-decorators.js';

export class MakePaymentDto {
  @Kroner('The part of the frame paid', 1) amount: number;
  @ApiProperty({ example: '2027-03-01' }) @IsCalendarDate() paidOn: string;
}
