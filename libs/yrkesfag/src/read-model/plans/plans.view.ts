import { ApiProperty } from '@nestjs/swagger';
import { FORUM_CATEGORIES, NEED_SOURCES, PROVIDER_KINDS, type Participants } from '../../county-frame/reference.js';

export interface NeedView {
  needId: string;
  fromOrg: string;
  /** The organisation's name as its events told it (then, with `asOf`). */
  fromOrgName: string | null;
  source: string;
  targetGroups: string[];
  programmeAreas: string[];
  description: string;
}

export interface MeasureView {
  measureId: string;
  title: string;
  provider: { kind: string; orgNumber: string | null; name: string };
  targetGroups: string[];
  programmeAreas: string[];
  needIds: string[];
  /** The measure's planned money (charged to the frame, R18). */
  amount: number;
  priority: number | null;
  spent: number;
  participants: Participants;
}

export interface PlanView {
  county: string;
  year: number;
  version: number;
  /** 0 until the first plan is adopted. */
  planRevision: number;
  adoptedOn: string | null;
  reason: string | null;
  planned: number;
  spent: number;
  participants: Participants;
  measures: MeasureView[];
  needs: NeedView[];
}

export interface CountyMemberView {
  memberId: string;
  orgNumber: string | null;
  name: string;
  category: string;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
}

export interface CountyMeetingView {
  meetingId: string;
  date: string;
  agenda: string[];
  minutesSummary: string;
  present: string[];
}

export interface CountyForumView {
  county: string;
  version: number;
  membersByCategory: Record<string, number>;
  members: CountyMemberView[];
  meetings: CountyMeetingView[];
}

// ---------- Response documentation ----------
export class ParticipantsViewDto implements Participants {
  @ApiProperty() vocational_teachers: number;
  @ApiProperty() instructors: number;
  @ApiProperty() professional_leaders: number;
  @ApiProperty() examination_board_members: number;
}

export class ProviderViewDto {
  @ApiProperty({ enum: PROVIDER_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) orgNumber: string | null;
  @ApiProperty() name: string;
}

export class NeedViewDto implements NeedView {
  @ApiProperty() needId: string;
  @ApiProperty() fromOrg: string;
  @ApiProperty({ nullable: true, type: String }) fromOrgName: string | null;
  @ApiProperty({ enum: NEED_SOURCES }) source: string;
  @ApiProperty({ type: [String] }) targetGroups: string[];
  @ApiProperty({ type: [String] }) programmeAreas: string[];
  @ApiProperty() description: string;
}

export class MeasureViewDto implements MeasureView {
  @ApiProperty() measureId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ProviderViewDto }) provider: ProviderViewDto;
  @ApiProperty({ type: [String] }) targetGroups: string[];
  @ApiProperty({ type: [String] }) programmeAreas: string[];
  @ApiProperty({ type: [String] }) needIds: string[];
  @ApiProperty() amount: number;
  @ApiProperty({ nullable: true, type: Number }) priority: number | null;
  @ApiProperty() spent: number;
  @ApiProperty({ type: ParticipantsViewDto }) participants: ParticipantsViewDto;
}

export class PlanViewDto implements PlanView {
  @ApiProperty() county: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Stream version; the ETag' }) version: number;
  @ApiProperty() planRevision: number;
  @ApiProperty({ nullable: true, type: String }) adoptedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() planned: number;
  @ApiProperty() spent: number;
  @ApiProperty({ type: ParticipantsViewDto }) participants: ParticipantsViewDto;
  @ApiProperty({ type: [MeasureViewDto] }) measures: MeasureViewDto[];
  @ApiProperty({ type: [NeedViewDto] }) needs: NeedViewDto[];
}

export class CountyMemberViewDto implements CountyMemberView {
  @ApiProperty() memberId: string;
  @ApiProperty({ nullable: true, type: String }) orgNumber: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: FORUM_CATEGORIES }) category: string;
  @ApiProperty() joinedOn: string;
  @ApiProperty({ nullable: true, type: String }) leftOn: string | null;
  @ApiProperty({ nullable: true, type: String }) leftReason: string | null;
}

export class CountyMeetingViewDto implements CountyMeetingView {
  @ApiProperty() meetingId: string;
  @ApiProperty() date: string;
  @ApiProperty({ type: [String] }) agenda: string[];
  @ApiProperty() minutesSummary: string;
  @ApiProperty({ type: [String] }) present: string[];
}

export class CountyForumViewDto implements CountyForumView {
  @ApiProperty() county: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Current members per category' })
  membersByCategory: Record<string, number>;
  @ApiProperty({ type: [CountyMemberViewDto], description: 'All members over time' }) members: CountyMemberViewDto[];
  @ApiProperty({ type: [CountyMeetingViewDto] }) meetings: CountyMeetingViewDto[];
}

export class ProgrammeAreaDto {
  @ApiProperty({ example: 'EL' }) code: string;
  @ApiProperty({ example: 'Elektro og datateknologi' }) name: string;
}
