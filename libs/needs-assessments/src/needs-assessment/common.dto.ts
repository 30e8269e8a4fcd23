import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** An organisation number (9 digits). */
export const ORG = /^\d{9}$/;

export class AssessmentReasonDto {
  @ApiProperty({ description: 'Why (R21)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}
