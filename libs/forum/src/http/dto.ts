import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { WarningDto } from '#libs/http';
import { MEMBER_CATEGORIES, type MemberCategory } from '../domain/categories.js';
import { OUTCOMES, type Outcome } from '../domain/recommendation.decider.js';

// ---------- Forum commands ----------
export class CreateForumDto {
  @ApiProperty({ example: 'Samarbeidsforum for Rogaland' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: ['11'], description: "County numbers covered: all must belong to the governor's office" })
  @IsArray() @Matches(/^\d{2}$/, { each: true }) counties: string[];
}

export class AddForumMemberDto {
  @ApiPropertyOptional({ example: '964965226', description: 'Required for school owners and universities (registered organisations); optional for KS, unions, others' })
  @IsOptional() @Matches(/^\d{9}$/) orgNumber?: string;
  @ApiPropertyOptional({ example: 'KS Rogaland', description: "Defaults to the registered organisation's name" })
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiProperty({ enum: MEMBER_CATEGORIES }) @IsIn(MEMBER_CATEGORIES) category: MemberCategory;
  @ApiProperty({ example: '2027-01-01' }) @IsISO8601({ strict: true }) joinedOn: string;
}

export class MemberLeftDto {
  @ApiProperty({ example: '2027-08-31', description: 'The first day the organisation is no longer a member' }) @IsISO8601({ strict: true }) leftOn: string;
  @ApiProperty({ example: 'Replaced by the merged municipality' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class RecordMeetingDto {
  @ApiProperty({ example: '2027-03-10' }) @IsISO8601({ strict: true }) date: string;
  @ApiProperty({ example: ['Recommendation for 2027'] }) @IsArray() @IsString({ each: true }) @MaxLength(1000, { each: true }) agenda: string[];
  @ApiProperty({ example: 'The forum agreed on the priorities.' }) @IsString() @MaxLength(10000) minutesSummary: string;
  @ApiProperty({ example: ['M1', 'M2'], description: 'Member ids present (only they vote, R12)' }) @IsArray() @IsString({ each: true }) presentMemberIds: string[];
}

// ---------- Recommendation commands ----------
export class VoteDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(0) for: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) against: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) abstain: number;
}

/** Every part is optional here so the domain can name every missing part at once (R13, 422). */
export class AmountDto {
  @ApiPropertyOptional({ example: '964965226' }) @IsOptional() @Matches(/^\d{9}$/) recipientOrg?: string;
  @ApiPropertyOptional({ example: 2027 }) @IsOptional() @IsInt() @Min(2015) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: 400000, description: 'Whole kroner' }) @IsOptional() @IsInt() @Min(0) amount?: number;
}

export class RecommendedMeasureDto {
  @ApiPropertyOptional({ description: "The measure's id in its needs assessment" }) @IsOptional() @IsString() @MaxLength(200) measureId?: string;
  @ApiPropertyOptional({ example: 'All teachers at 12 lower secondary schools' }) @IsOptional() @IsString() @MaxLength(2000) participants?: string;
  @ApiPropertyOptional({ example: 2027, description: 'First school year (duration)' }) @IsOptional() @IsInt() startYear?: number;
  @ApiPropertyOptional({ example: 2, description: 'Number of school years, 1–3 (R9)' }) @IsOptional() @IsInt() spanYears?: number;
  @ApiPropertyOptional({ description: 'How the measure meets the criteria' }) @IsOptional() @IsString() @MaxLength(5000) criteria?: string;
  @ApiPropertyOptional({ type: [String], description: 'School owners working together' }) @IsOptional() @IsArray() @Matches(/^\d{9}$/, { each: true }) cooperatingOwners?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Universities working with them' }) @IsOptional() @IsArray() @Matches(/^\d{9}$/, { each: true }) cooperatingUniversities?: string[];
  @ApiPropertyOptional({ type: [AmountDto], description: 'Money per recipient and year' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => AmountDto) amounts?: AmountDto[];
}

class RecommendationContentDto {
  @ApiProperty({ example: 'MT1', description: 'The meeting where the forum reached its outcome' }) @IsString() @IsNotEmpty() meetingId: string;
  @ApiProperty({ enum: OUTCOMES, description: "'no_agreement': the forum did not agree and the governor decides (R12)" }) @IsIn(OUTCOMES) outcome: Outcome;
  @ApiPropertyOptional({ type: VoteDto, description: "Required for outcome 'vote'; allowed for 'no_agreement'" })
  @IsOptional() @ValidateNested() @Type(() => VoteDto) vote?: VoteDto;
  @ApiPropertyOptional({ type: [RecommendedMeasureDto], description: 'In priority order (R13)' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => RecommendedMeasureDto) measures?: RecommendedMeasureDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

export class RecordRecommendationDto extends RecommendationContentDto {
  @ApiProperty({ example: 'rogaland-dekomp-2027' }) @IsString() @IsNotEmpty() callId: string;
}

export class AmendRecommendationDto extends RecommendationContentDto {
  @ApiProperty({ description: 'Why (R21)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class WithdrawRecommendationDto {
  @ApiProperty({ description: 'Why (R21)' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

// ---------- Queries ----------
/** Lets the read parameters documented by @ApiRead() (asOf, minPosition) through the whitelist of a query DTO. */
class ReadQueryDto {
  @IsOptional() @IsString() asOf?: string;
  @IsOptional() @IsString() minPosition?: string;
}

export class ForumListQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Ministry: one office' }) @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Membership as of this date (default today)' }) @IsOptional() @IsISO8601({ strict: true }) on?: string;
}

export class OnDateQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Membership as of this date' }) @IsOptional() @IsISO8601({ strict: true }) on?: string;
}

export class MembershipQueryDto extends ReadQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ example: 2027, description: 'Members at any time during the year' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2015) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Members on this date (default today; ignored with year)' }) @IsOptional() @IsISO8601({ strict: true }) on?: string;
}

export class RecommendationListQueryDto extends ReadQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() forumId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() callId?: string;
}

// ---------- Views ----------
export class MemberViewDto {
  @ApiProperty() memberId: string;
  @ApiProperty({ nullable: true, type: String }) orgNumber: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MEMBER_CATEGORIES }) category: string;
  @ApiProperty({ example: '2027-01-01' }) joinedOn: string;
  @ApiProperty({ nullable: true, type: String }) leftOn: string | null;
  @ApiProperty({ nullable: true, type: String }) leftReason: string | null;
  @ApiProperty({ type: [WarningDto] }) warnings: WarningDto[];
}

export class ForumViewDto {
  @ApiProperty({ example: 'rogaland-11' }) forumId: string;
  @ApiProperty() office: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) counties: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
  @ApiProperty({ description: 'The date of the membership figures' }) on: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Members per category on that date' }) membersByCategory: Record<string, number>;
  @ApiProperty({ enum: MEMBER_CATEGORIES, isArray: true, description: 'R11: required categories without a member' }) missingCategories: string[];
  @ApiProperty({ type: [MemberViewDto], description: 'Members on that date' }) members: MemberViewDto[];
}

export class MeetingViewDto {
  @ApiProperty() meetingId: string;
  @ApiProperty() date: string;
  @ApiProperty({ type: [String] }) agenda: string[];
  @ApiProperty() minutesSummary: string;
  @ApiProperty({ type: [String] }) present: string[];
  @ApiProperty() recordedAt: string;
}

export class MembershipRowDto {
  @ApiProperty() office: string;
  @ApiProperty() forumId: string;
  @ApiProperty({ enum: MEMBER_CATEGORIES }) category: string;
  @ApiProperty() members: number;
}

export class RecommendedAmountViewDto {
  @ApiProperty() recipientOrg: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Whole kroner' }) amount: number;
}

export class RecommendedMeasureViewDto {
  @ApiProperty() priority: number;
  @ApiProperty() measureId: string;
  @ApiProperty() participants: string;
  @ApiProperty() startYear: number;
  @ApiProperty() spanYears: number;
  @ApiProperty() criteria: string;
  @ApiProperty({ type: [String] }) cooperatingOwners: string[];
  @ApiProperty({ type: [String] }) cooperatingUniversities: string[];
  @ApiProperty({ type: [RecommendedAmountViewDto] }) amounts: RecommendedAmountViewDto[];
}

export class RecommendationViewDto {
  @ApiProperty() recommendationId: string;
  @ApiProperty() forumId: string;
  @ApiProperty() office: string;
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
