import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateNeedsAssessmentDto {
  @ApiProperty({ example: 'rogaland-dekomp-2027' }) @IsString() @IsNotEmpty() @MaxLength(100) callId: string;
  @ApiProperty({ example: 'Behovsmelding Stavanger 2027' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiPropertyOptional({ description: 'Summary of the local analysis' }) @IsOptional() @IsString() @MaxLength(10000) summary?: string;
}
