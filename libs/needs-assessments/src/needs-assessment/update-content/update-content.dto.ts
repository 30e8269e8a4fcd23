import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { NATIONAL_GOALS } from '../needs-assessment.types.js';

export class AnchoringDto {
  @ApiProperty({ description: 'R4: how staff were involved' }) @IsString() @MaxLength(5000) staffInvolvement: string;
  @ApiProperty({ description: 'R4: how school leaders were involved' }) @IsString() @MaxLength(5000) leaderInvolvement: string;
  @ApiProperty({ description: "R4: the university's part in the analysis" }) @IsString() @MaxLength(5000) universityParticipation: string;
  @ApiProperty({ type: [String], description: "R4: the owner's plans the assessment rests on" })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  plans: string[];
}

export class ThemesDto {
  @ApiProperty({ type: [String], enum: NATIONAL_GOALS, description: 'National goals' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  goals: string[];
  @ApiProperty({ type: [String], description: 'Free tags' }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) tags: string[];
}

export class AssessmentContentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ description: 'Summary of the local analysis (R4)' }) @IsString() @MaxLength(10000) summary: string;
  @ApiProperty({ type: AnchoringDto }) @ValidateNested() @Type(() => AnchoringDto) anchoring: AnchoringDto;
  @ApiProperty({ type: ThemesDto }) @ValidateNested() @Type(() => ThemesDto) themes: ThemesDto;
}
