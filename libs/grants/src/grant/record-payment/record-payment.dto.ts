import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { MAX_KRONER, Year } from '../../common/dto-decorators.js';

export class RecordPaymentDto {
  @Year() year: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 100_000 }) @IsInt() @Min(1) @Max(MAX_KRONER) amount: number;
  @ApiPropertyOptional({ example: '2028-06-01', description: 'Default: today' }) @IsOptional() @IsCalendarDate() paidOn?: string;
}
