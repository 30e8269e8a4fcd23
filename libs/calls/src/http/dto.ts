import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ReadParamsDto } from '#libs/http';
import { SCHEMES, type Scheme } from '#libs/kernel';

export class OpenCallDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2015) @Max(2100) year: number;
  @ApiProperty({ example: 'Behovsmelding for 2027' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiPropertyOptional({ example: '2027-02-01', description: 'Deadline for needs assessments (default 1 February, R14)' })
  @IsOptional() @IsISO8601({ strict: true }) deadline?: string;
  @ApiPropertyOptional({ example: '2027-04-30', description: "The office's decision date (default 30 April, R14)" })
  @IsOptional() @IsISO8601({ strict: true }) decisionDate?: string;
}

export class ExtendCallDeadlineDto {
  @ApiProperty({ example: '2027-02-15' }) @IsISO8601({ strict: true }) deadline: string;
  @ApiProperty({ example: 'Municipal elections delayed the staff involvement' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class CallListQueryDto extends ReadParamsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: SCHEMES }) @IsOptional() @IsIn(SCHEMES) scheme?: Scheme;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2015) @Max(2100) year?: number;
}

export class CallViewDto {
  @ApiProperty() callId: string;
  @ApiProperty() office: string;
  @ApiProperty({ enum: SCHEMES }) scheme: string;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2027-02-01' }) deadline: string;
  @ApiProperty({ example: '2027-04-30' }) decisionDate: string;
  @ApiProperty() ruleSetVersion: string;
  @ApiProperty() deadlineExtensions: number;
  @ApiProperty() openedAt: string;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
}
