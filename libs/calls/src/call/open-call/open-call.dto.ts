import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '#libs/http';
import { SCHEMES, type Scheme } from '#libs/kernel';

export class OpenCallDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2015) @Max(2100) year: number;
  @ApiProperty({ example: 'Behovsmelding for 2027' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiPropertyOptional({ example: '2027-02-01', description: 'Deadline for needs assessments (default 1 February, R14)' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;
  @ApiPropertyOptional({ example: '2027-04-30', description: "The office's decision date (default 30 April, R14)" })
  @IsOptional()
  @IsCalendarDate()
  decisionDate?: string;
}
