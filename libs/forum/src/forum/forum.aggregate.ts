import { defineAggregate, type DomainEvent, type Warning } from '#libs/platform';
import type { MemberCategory } from './categories.js';
import { decideAddForumMember, type AddForumMember } from './add-member/add-member.decide.js';
import { decideCreateForum, type CreateForum } from './create-forum/create-forum.decide.js';
import { decideRecordForumMeeting, type RecordForumMeeting } from './record-meeting/record-meeting.decide.js';
import { decideRecordMemberLeft, type RecordMemberLeft } from './record-member-left/record-member-left.decide.js';

/**
 * The forum (samarbeidsforum): set up by a governor office for some of its counties; the governor fixes its
 * membership (R11) and records its meetings. Its recommendations are their own aggregate (Recommendation).
 */
export type ForumCommand = CreateForum | AddForumMember | RecordMemberLeft | RecordForumMeeting;

export interface ForumMember {
  memberId: string;
  orgNumber: string | null;
  name: string;
  category: MemberCategory;
  joinedOn: string;
  leftOn: string | null;
}

export interface ForumMeeting {
  meetingId: string;
  date: string;
  present: string[];
}

export type ForumCreated = DomainEvent<'ForumCreated', { forumId: string; office: string; name: string; counties: string[] }>;
export type ForumMemberJoined = DomainEvent<
  'ForumMemberJoined',
  {
    forumId: string;
    memberId: string;
    orgNumber: string | null;
    name: string;
    category: MemberCategory;
    joinedOn: string;
    warnings: Warning[];
  }
>;
export type ForumMemberLeft = DomainEvent<'ForumMemberLeft', { forumId: string; memberId: string; leftOn: string; reason: string }>;
export type ForumMeetingRecorded = DomainEvent<
  'ForumMeetingRecorded',
  { forumId: string; meetingId: string; date: string; agenda: string[]; minutesSummary: string; present: string[] }
>;
export type ForumEvent = ForumCreated | ForumMemberJoined | ForumMemberLeft | ForumMeetingRecorded;

export interface ForumState {
  forumId: string | null;
  office: string | null;
  counties: string[];
  members: ForumMember[];
  meetings: ForumMeeting[];
}

/** A forum that exists (what the commands after CreateForum act on). */
export type ExistingForum = ForumState & { forumId: string; office: string };

export const initialForumState: ForumState = { forumId: null, office: null, counties: [], members: [], meetings: [] };

/** One forum per office and set of counties: `rogaland-11`, `oboa-03-32`. */
export const forumIdOf = (office: string, counties: string[]) => [office.toLowerCase(), ...[...counties].sort()].join('-');

export function evolveForum(state: ForumState, event: ForumEvent): ForumState {
  switch (event.type) {
    case 'ForumCreated':
      return { ...state, forumId: event.data.forumId, office: event.data.office, counties: event.data.counties };
    case 'ForumMemberJoined': {
      const { memberId, orgNumber, name, category, joinedOn } = event.data;
      return { ...state, members: [...state.members, { memberId, orgNumber, name, category, joinedOn, leftOn: null }] };
    }
    case 'ForumMemberLeft':
      return {
        ...state,
        members: state.members.map((m) => (m.memberId === event.data.memberId ? { ...m, leftOn: event.data.leftOn } : m)),
      };
    case 'ForumMeetingRecorded':
      return {
        ...state,
        meetings: [...state.meetings, { meetingId: event.data.meetingId, date: event.data.date, present: event.data.present }],
      };
  }
}

export function decideForum(command: ForumCommand, state: ForumState): ForumEvent[] {
  switch (command.type) {
    case 'CreateForum':
      return decideCreateForum(command, state);
    case 'AddForumMember':
      return decideAddForumMember(command, state);
    case 'RecordMemberLeft':
      return decideRecordMemberLeft(command, state);
    case 'RecordForumMeeting':
      return decideRecordForumMeeting(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const Forum = defineAggregate<ForumCommand, ForumState, ForumEvent>({
  name: 'Forum',
  decider: { initialState: initialForumState, evolve: evolveForum, decide: decideForum },
  eventTypes: { ForumCreated: 1, ForumMemberJoined: 1, ForumMemberLeft: 1, ForumMeetingRecorded: 1 },
});

/** Kept for callers that name the stream: `Forum-<forumId>`. */
export const forumStream = (forumId: string) => Forum.streamOf(forumId);
