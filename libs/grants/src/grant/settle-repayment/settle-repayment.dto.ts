import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { MAX_KRONER } from '../../common/dto-decorators.js';

export class SettleRepaymentDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 10_000 }) @IsInt() @Min(1) @Max(MAX_KRONER) amount: number;
  @ApiPropertyOptional({ example: '2029-03-01', description: 'Default: today' }) @IsOptional() @IsCalendarDate() settledOn?: string;
}
