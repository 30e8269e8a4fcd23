import { ConflictError, DomainError, NotFoundError, type Organisation, type RuleViolation } from '#libs/kernel';
import type { Decider, DomainEvent, Warning } from '#libs/platform';
import { officeByOrgNumber } from '#libs/reference-data';
import { CATEGORY_LABELS, isDate, MEMBER_CATEGORIES, REQUIRED_CATEGORIES, type MemberCategory } from './categories.js';

/**
 * The forum (samarbeidsforum): set up by a governor office for some of its counties; the governor fixes its
 * membership (R11) and records its meetings. Its recommendations are their own aggregate (recommendation.decider.ts).
 */
export type ForumCommand =
  | {
      type: 'CreateForum';
      forumId: string;
      office: string;
      name: string;
      counties: string[];
      /** Reference data: the counties of the office. */
      officeCounties: readonly string[];
      /** Counties already covered by the office's other forums (county → forum id). */
      countiesTaken: Record<string, string>;
    }
  | {
      type: 'AddForumMember';
      orgNumber: string | null;
      name: string | null;
      category: MemberCategory;
      joinedOn: string;
      /** The organisation as the directory knows it (null: not registered, or no org number given). */
      organisation: Organisation | null;
    }
  | { type: 'RecordMemberLeft'; memberId: string; leftOn: string; reason: string }
  | { type: 'RecordForumMeeting'; date: string; agenda: string[]; minutesSummary: string; presentMemberIds: string[] };

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

export type ForumEvent =
  | DomainEvent<'ForumCreated', { forumId: string; office: string; name: string; counties: string[] }>
  | DomainEvent<'ForumMemberJoined', { forumId: string; memberId: string; orgNumber: string | null; name: string; category: MemberCategory; joinedOn: string; warnings: Warning[] }>
  | DomainEvent<'ForumMemberLeft', { forumId: string; memberId: string; leftOn: string; reason: string }>
  | DomainEvent<'ForumMeetingRecorded', { forumId: string; meetingId: string; date: string; agenda: string[]; minutesSummary: string; present: string[] }>;

export interface ForumState {
  forumId: string | null;
  office: string | null;
  counties: string[];
  members: ForumMember[];
  meetings: ForumMeeting[];
}

export const forumStream = (forumId: string) => `Forum-${forumId}`;

/** One forum per office and set of counties: `rogaland-11`, `oboa-03-32`. */
export const forumIdOf = (office: string, counties: string[]) => [office.toLowerCase(), ...[...counties].sort()].join('-');

/** R11: a member on `date` joined on or before it and had not left by then. */
export const isMemberOn = (m: ForumMember, date: string) => m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);

export const membersOn = (state: Pick<ForumState, 'members'>, date: string) => state.members.filter((m) => isMemberOn(m, date));

/** R11: the required categories with no member on `date`; each is a warning on a recommendation. */
export function missingCategoryWarnings(state: Pick<ForumState, 'members'>, date: string): Warning[] {
  const present = new Set(membersOn(state, date).map((m) => m.category));
  return REQUIRED_CATEGORIES.filter((c) => !present.has(c)).map((c) => ({
    rule: 'R11',
    field: `forum.members.${c}`,
    message: `the forum had no member among ${CATEGORY_LABELS[c]} on ${date}: R11 requires public and private school owners, universities with a tie to the region, KS and the teacher unions`,
  }));
}

const SCHOOL_OWNER_CATEGORY_KINDS: Partial<Record<MemberCategory, string[]>> = {
  school_owner_public: ['municipality', 'county_municipality'],
  school_owner_private: ['private_owner'],
  university: ['university'],
};

export const forumDecider: Decider<ForumCommand, ForumState, ForumEvent> = {
  initialState: { forumId: null, office: null, counties: [], members: [], meetings: [] },

  evolve(state, event) {
    switch (event.type) {
      case 'ForumCreated':
        return { ...state, forumId: event.data.forumId, office: event.data.office, counties: event.data.counties };
      case 'ForumMemberJoined': {
        const { memberId, orgNumber, name, category, joinedOn } = event.data;
        return { ...state, members: [...state.members, { memberId, orgNumber, name, category, joinedOn, leftOn: null }] };
      }
      case 'ForumMemberLeft':
        return { ...state, members: state.members.map((m) => (m.memberId === event.data.memberId ? { ...m, leftOn: event.data.leftOn } : m)) };
      case 'ForumMeetingRecorded':
        return { ...state, meetings: [...state.meetings, { meetingId: event.data.meetingId, date: event.data.date, present: event.data.present }] };
    }
  },

  decide(command, state) {
    if (command.type === 'CreateForum') {
      if (state.forumId) throw new ConflictError(`forum ${state.forumId} exists already`);
      const violations: RuleViolation[] = [];
      if (!command.name.trim()) violations.push({ rule: 'R11', field: 'name', message: 'a forum needs a name' });
      if (command.counties.length === 0) violations.push({ rule: 'R11', field: 'counties', message: 'a forum covers at least one county of its office' });
      if (new Set(command.counties).size !== command.counties.length) violations.push({ rule: 'R11', field: 'counties', message: 'a county is named twice' });
      command.counties.forEach((c, i) => {
        if (!command.officeCounties.includes(c)) {
          violations.push({ rule: 'R11', field: `counties[${i}]`, message: `county ${c} does not belong to governor office ${command.office} (its counties: ${command.officeCounties.join(', ')})` });
        } else if (command.countiesTaken[c]) {
          violations.push({ rule: 'R11', field: `counties[${i}]`, message: `county ${c} is covered by the office's forum ${command.countiesTaken[c]} already` });
        }
      });
      if (violations.length) throw new DomainError(violations);
      return [{ type: 'ForumCreated', data: { forumId: command.forumId, office: command.office, name: command.name.trim(), counties: [...command.counties].sort() } }];
    }

    if (!state.forumId || !state.office) throw new NotFoundError('forum', '(this id)');
    const forumId = state.forumId;
    const office = state.office;

    switch (command.type) {
      case 'AddForumMember': {
        const violations: RuleViolation[] = [];
        const warnings: Warning[] = [];
        const org = command.organisation;
        if (!MEMBER_CATEGORIES.includes(command.category)) violations.push({ rule: 'R11', field: 'category', message: `category must be one of ${MEMBER_CATEGORIES.join(', ')}` });
        if (!isDate(command.joinedOn)) violations.push({ rule: 'R11', field: 'joinedOn', message: 'joinedOn must be a date (YYYY-MM-DD)' });
        if (command.orgNumber && officeByOrgNumber(command.orgNumber)) {
          violations.push({ rule: 'R11', field: 'orgNumber', message: "a governor's office runs the forum's secretariat and is never a member: it has no vote (R12)" });
        }
        const kinds = SCHOOL_OWNER_CATEGORY_KINDS[command.category];
        if (kinds) {
          if (!command.orgNumber) {
            violations.push({ rule: 'R11', field: 'orgNumber', message: `a member among ${CATEGORY_LABELS[command.category]} is an organisation: give its org number` });
          } else if (!org) {
            violations.push({ rule: 'R19', field: 'orgNumber', message: `organisation ${command.orgNumber} is not registered` });
          } else if (!kinds.includes(org.kind)) {
            violations.push({ rule: 'R11', field: 'category', message: `organisation ${org.orgNumber} is a ${org.kind}, not one of ${CATEGORY_LABELS[command.category]}` });
          } else if (command.category === 'university') {
            if (org.office !== office) warnings.push({ rule: 'R11', field: 'orgNumber', message: `university ${org.orgNumber} is seated outside office ${office}: make sure it has a tie to the region` });
          } else if (org.office !== office) {
            violations.push({ rule: 'R11', field: 'orgNumber', message: `school owner ${org.orgNumber} belongs to governor office ${org.office ?? 'none'}, not ${office}` });
          }
        }
        const name = command.name?.trim() || org?.name || '';
        if (!name) violations.push({ rule: 'R11', field: 'name', message: 'a member needs a name (or the org number of a registered organisation)' });
        if (command.orgNumber && isDate(command.joinedOn)) {
          const overlapping = state.members.find((m) => m.orgNumber === command.orgNumber && (m.leftOn === null || m.leftOn > command.joinedOn));
          if (overlapping) violations.push({ rule: 'R11', field: 'orgNumber', message: `organisation ${command.orgNumber} is a member already (${overlapping.memberId}, since ${overlapping.joinedOn})` });
        }
        if (violations.length) throw new DomainError(violations);
        return [
          {
            type: 'ForumMemberJoined',
            data: { forumId, memberId: `M${state.members.length + 1}`, orgNumber: command.orgNumber, name, category: command.category, joinedOn: command.joinedOn, warnings },
          },
        ];
      }
      case 'RecordMemberLeft': {
        const member = state.members.find((m) => m.memberId === command.memberId);
        if (!member) throw new NotFoundError('forum member', command.memberId);
        if (member.leftOn !== null) throw new ConflictError(`member ${command.memberId} left on ${member.leftOn} already`);
        if (!isDate(command.leftOn)) throw DomainError.of('R11', 'leftOn', 'leftOn must be a date (YYYY-MM-DD)');
        if (command.leftOn <= member.joinedOn) throw DomainError.of('R11', 'leftOn', `a member leaves after joining (${member.joinedOn})`);
        const attended = state.meetings.find((m) => m.date >= command.leftOn && m.present.includes(command.memberId));
        if (attended) throw DomainError.of('R11', 'leftOn', `member ${command.memberId} was present at meeting ${attended.meetingId} on ${attended.date}`);
        return [{ type: 'ForumMemberLeft', data: { forumId, memberId: command.memberId, leftOn: command.leftOn, reason: command.reason } }];
      }
      case 'RecordForumMeeting': {
        const violations: RuleViolation[] = [];
        if (!isDate(command.date)) violations.push({ rule: 'R12', field: 'date', message: 'date must be a date (YYYY-MM-DD)' });
        if (command.agenda.length === 0 || command.agenda.some((a) => !a.trim())) violations.push({ rule: 'R12', field: 'agenda', message: 'a meeting has an agenda of at least one item' });
        if (!command.minutesSummary.trim()) violations.push({ rule: 'R12', field: 'minutesSummary', message: 'summarise the minutes' });
        if (new Set(command.presentMemberIds).size !== command.presentMemberIds.length) violations.push({ rule: 'R12', field: 'presentMemberIds', message: 'a member is named twice' });
        command.presentMemberIds.forEach((id, i) => {
          const member = state.members.find((m) => m.memberId === id);
          if (!member) violations.push({ rule: 'R12', field: `presentMemberIds[${i}]`, message: `${id} is not a member of the forum` });
          else if (isDate(command.date) && !isMemberOn(member, command.date)) {
            violations.push({ rule: 'R11', field: `presentMemberIds[${i}]`, message: `${id} was not a member on ${command.date} (joined ${member.joinedOn}${member.leftOn ? `, left ${member.leftOn}` : ''})` });
          }
        });
        if (violations.length) throw new DomainError(violations);
        return [
          {
            type: 'ForumMeetingRecorded',
            data: { forumId, meetingId: `MT${state.meetings.length + 1}`, date: command.date, agenda: command.agenda.map((a) => a.trim()), minutesSummary: command.minutesSummary.trim(), present: command.presentMemberIds },
          },
        ];
      }
    }
  },
};
