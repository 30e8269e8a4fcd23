import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { RecommendedMeasureDto, VoteDto } from '../recommendation/content/content.dto.js';
import { OUTCOMES, type Outcome } from '../recommendation/content/content.js';
import { MAX_DRAFT_PAGE } from './edit-draft/edit-draft.decide.js';

export class StartDraftDto {
  @ApiProperty({ example: 'rogaland-dekomp-2027' }) @IsString() @IsNotEmpty() callId: string;
  @ApiProperty({ example: 'MT1' }) @IsString() @IsNotEmpty() meetingId: string;
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome: Outcome;
  @ApiPropertyOptional({ type: VoteDto }) @IsOptional() @ValidateNested() @Type(() => VoteDto) vote?: VoteDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

export class DraftPageDto {
  @ApiProperty({ type: [RecommendedMeasureDto], description: `A page of at most ${MAX_DRAFT_PAGE} measures, appended in priority order` })
  @IsArray()
  @ArrayMaxSize(MAX_DRAFT_PAGE)
  @ValidateNested({ each: true })
  @Type(() => RecommendedMeasureDto)
  measures: RecommendedMeasureDto[];
}

export class ReplaceDraftMeasureDto {
  @ApiProperty({ type: RecommendedMeasureDto }) @ValidateNested() @Type(() => RecommendedMeasureDto) measure: RecommendedMeasureDto;
}
