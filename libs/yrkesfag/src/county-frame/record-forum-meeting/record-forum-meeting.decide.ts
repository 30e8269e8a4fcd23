import { DomainError, isCalendarDate, type RuleViolation } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty } from '../ledger.js';

export interface RecordCountyForumMeeting {
  type: 'RecordCountyForumMeeting';
  date: string;
  agenda: string[];
  minutesSummary: string;
  present: string[];
}

/** R24: the county's forum meets to plan the spending; those present were members on the day. */
export function decideRecordCountyForumMeeting(command: RecordCountyForumMeeting, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const violations: RuleViolation[] = [];
  if (!isCalendarDate(command.date)) violations.push({ rule: 'R24', field: 'date', message: 'date must be a date (YYYY-MM-DD)' });
  const onDay = new Set(
    state.members.filter((m) => m.joinedOn <= command.date && (m.leftOn === null || m.leftOn > command.date)).map((m) => m.memberId),
  );
  command.present.forEach((id, i) => {
    if (!onDay.has(id))
      violations.push({ rule: 'R24', field: `present[${i}]`, message: `${id} was not a member of the forum on ${command.date}` });
  });
  if (violations.length) throw new DomainError(violations);
  const meetingId = `MT${state.meetings + 1}`;
  return [
    {
      type: 'YrkesfagForumMeetingRecorded',
      data: {
        county: county.county,
        meetingId,
        date: command.date,
        agenda: command.agenda,
        minutesSummary: command.minutesSummary,
        present: [...new Set(command.present)],
      },
    },
  ];
}
