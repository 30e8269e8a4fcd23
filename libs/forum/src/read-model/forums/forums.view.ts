import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsCalendarDate, PageQueryDto, ReadParamsDto, WarningDto } from '#libs/http';
import type { Warning } from '#libs/platform';
import { MEMBER_CATEGORIES, type MemberCategory } from '../../forum/categories.js';

export interface MemberView {
  memberId: string;
  orgNumber: string | null;
  name: string;
  category: MemberCategory;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
  warnings: Warning[];
}

export interface ForumView {
  forumId: string;
  office: string;
  officeName: string | null;
  name: string;
  counties: string[];
  /** The counties' names, in the order of `counties`. */
  countyNames: Array<string | null>;
  createdAt: string;
  version: number;
  /** The date the membership figures are for. */
  on: string;
  membersByCategory: Record<MemberCategory, number>;
  /** R11: required categories without a member on that date. */
  missingCategories: MemberCategory[];
  members: MemberView[];
}

export interface MeetingView {
  meetingId: string;
  date: string;
  agenda: string[];
  minutesSummary: string;
  present: string[];
  recordedAt: string;
}

export interface MembershipRow {
  office: string;
  officeName: string | null;
  forumId: string;
  category: MemberCategory;
  members: number;
}

// ---------- Query parameters ----------
export class ForumListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Ministry: one office' }) @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Membership as of this date (default today)' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class OnDateQueryDto extends ReadParamsDto {
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Membership as of this date' }) @IsOptional() @IsCalendarDate() on?: string;
}

export class MembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Only the members on this date' }) @IsOptional() @IsCalendarDate() on?: string;
}

export class MembershipQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ example: 2027, description: 'Members at any time during the year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2015)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Members on this date (default today; ignored with year)' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

// ---------- Response documentation ----------
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
  @ApiProperty({ nullable: true, type: String }) officeName: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) counties: string[];
  @ApiProperty({ type: [String], description: "The counties' names" }) countyNames: Array<string | null>;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
  @ApiProperty({ description: 'The date of the membership figures' }) on: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Members per category on that date' })
  membersByCategory: Record<string, number>;
  @ApiProperty({ enum: MEMBER_CATEGORIES, isArray: true, description: 'R11: required categories without a member' })
  missingCategories: string[];
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
  @ApiProperty({ nullable: true, type: String }) officeName: string | null;
  @ApiProperty() forumId: string;
  @ApiProperty({ enum: MEMBER_CATEGORIES }) category: string;
  @ApiProperty() members: number;
}
