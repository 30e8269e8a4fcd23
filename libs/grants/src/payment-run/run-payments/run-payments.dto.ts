import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { SCHEMES, type Scheme } from '#libs/kernel';
import { Year } from '../../shared/dto-decorators.js';

export class RunPaymentsDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @Year() year: number;
  @ApiPropertyOptional({ example: '2028-06-01', description: 'Default: today' }) @IsOptional() @IsCalendarDate() paidOn?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Only these grants (default: every active, accepted grant with money left for the year)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  grantIds?: string[];
}
