import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { PageQueryDto } from '#libs/http';
import { SCHEMES, type Scheme } from '#libs/kernel';

export interface CallView {
  callId: string;
  office: string;
  officeName: string | null;
  scheme: string;
  year: number;
  title: string;
  deadline: string;
  decisionDate: string;
  ruleSetVersion: string;
  deadlineExtensions: number;
  openedAt: string;
  version: number;
}

export class CallViewDto implements CallView {
  @ApiProperty() callId: string;
  @ApiProperty() office: string;
  @ApiProperty({ nullable: true, type: String, example: 'Statsforvalteren i Rogaland' }) officeName: string | null;
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

export class CallListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: SCHEMES }) @IsOptional() @IsIn(SCHEMES) scheme?: Scheme;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2015) @Max(2100) year?: number;
}
