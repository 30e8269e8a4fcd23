import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto, WarningDto } from '#libs/http';
import type { Warning } from '#libs/platform';
import { VoteDto } from '../../recommendation/content/content.dto.js';
import { OUTCOMES, type RecommendedMeasure, type Vote } from '../../recommendation/content/content.js';

export interface RecommendationView {
  recommendationId: string;
  forumId: string;
  office: string;
  officeName: string | null;
  callId: string;
  revision: number;
  status: 'recorded' | 'published' | 'withdrawn';
  published: boolean;
  outcome: string;
  meetingId: string;
  meetingDate: string;
  presentMembers: number;
  vote: Vote | null;
  measures: RecommendedMeasure[];
  note: string | null;
  warnings: Warning[];
  firstRecordedAt: string;
  recordedAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  version: number;
}

export interface RevisionView {
  revision: number;
  kind: 'recorded' | 'amended';
  outcome: string;
  meetingId: string;
  meetingDate: string;
  presentMembers: number;
  vote: Vote | null;
  measures: RecommendedMeasure[];
  note: string | null;
  warnings: Warning[];
  reason: string | null;
  recordedAt: string;
}

export class RecommendationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() forumId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() callId?: string;
}

export class RecommendedAmountViewDto {
  @ApiProperty() recipientOrg: string;
  @ApiProperty({ nullable: true, type: String, description: 'As of the time asked for' }) recipientName: string | null;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Whole kroner' }) amount: number;
}

export class RecommendedMeasureViewDto {
  @ApiProperty() priority: number;
  @ApiProperty() measureId: string;
  @ApiProperty({ nullable: true, type: String, description: "The measure's title (as of the time asked for)" }) measureTitle: string | null;
  @ApiProperty() participants: string;
  @ApiProperty() startYear: number;
  @ApiProperty() spanYears: number;
  @ApiProperty() criteria: string;
  @ApiProperty({ type: [String] }) cooperatingOwners: string[];
  @ApiProperty({ type: [String], description: 'Their names, in the same order' }) cooperatingOwnerNames: Array<string | null>;
  @ApiProperty({ type: [String] }) cooperatingUniversities: string[];
  @ApiProperty({ type: [String], description: 'Their names, in the same order' }) cooperatingUniversityNames: Array<string | null>;
  @ApiProperty({ type: [RecommendedAmountViewDto] }) amounts: RecommendedAmountViewDto[];
}

export class RecommendationViewDto {
  @ApiProperty() recommendationId: string;
  @ApiProperty() forumId: string;
  @ApiProperty() office: string;
  @ApiProperty({ nullable: true, type: String }) officeName: string | null;
  @ApiProperty() callId: string;
  @ApiProperty() revision: number;
  @ApiProperty({ enum: ['recorded', 'published', 'withdrawn'] }) status: string;
  @ApiProperty() published: boolean;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty() meetingId: string;
  @ApiProperty() meetingDate: string;
  @ApiProperty() presentMembers: number;
  @ApiProperty({ type: VoteDto, nullable: true }) vote: VoteDto | null;
  @ApiProperty({ type: [RecommendedMeasureViewDto] }) measures: RecommendedMeasureViewDto[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: [WarningDto], description: 'R11 warnings for missing member categories' }) warnings: WarningDto[];
  @ApiProperty() firstRecordedAt: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalReason: string | null;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
}

export class RevisionViewDto {
  @ApiProperty() revision: number;
  @ApiProperty({ enum: ['recorded', 'amended'] }) kind: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty() meetingId: string;
  @ApiProperty() meetingDate: string;
  @ApiProperty() presentMembers: number;
  @ApiProperty({ type: VoteDto, nullable: true }) vote: VoteDto | null;
  @ApiProperty({ type: [RecommendedMeasureViewDto] }) measures: RecommendedMeasureViewDto[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: [WarningDto] }) warnings: WarningDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Why it was amended (R21)' }) reason: string | null;
  @ApiProperty() recordedAt: string;
}
