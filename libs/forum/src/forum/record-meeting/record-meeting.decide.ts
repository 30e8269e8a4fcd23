import { DomainError, isCalendarDate, type RuleViolation } from '#libs/kernel';
import type { ExistingForum, ForumEvent, ForumState } from '../forum.aggregate.js';
import { existingForum, isMemberOn } from '../membership.js';

export interface RecordForumMeeting {
  type: 'RecordForumMeeting';
  date: string;
  agenda: string[];
  minutesSummary: string;
  presentMemberIds: string[];
}

/** R11: only members on the meeting's date can be present. */
function checkPresent(command: RecordForumMeeting, forum: ExistingForum, violations: RuleViolation[]) {
  if (new Set(command.presentMemberIds).size !== command.presentMemberIds.length)
    violations.push({ rule: 'R12', field: 'presentMemberIds', message: 'a member is named twice' });
  command.presentMemberIds.forEach((id, i) => {
    const member = forum.members.find((m) => m.memberId === id);
    if (!member) violations.push({ rule: 'R12', field: `presentMemberIds[${i}]`, message: `${id} is not a member of the forum` });
    else if (isCalendarDate(command.date) && !isMemberOn(member, command.date)) {
      violations.push({
        rule: 'R11',
        field: `presentMemberIds[${i}]`,
        message: `${id} was not a member on ${command.date} (joined ${member.joinedOn}${member.leftOn ? `, left ${member.leftOn}` : ''})`,
      });
    }
  });
}

/** R12: a meeting has a date, an agenda, a summary of its minutes and the members present (only they vote). */
export function decideRecordForumMeeting(command: RecordForumMeeting, state: ForumState): ForumEvent[] {
  const forum = existingForum(state);
  const violations: RuleViolation[] = [];
  if (!isCalendarDate(command.date)) violations.push({ rule: 'R12', field: 'date', message: 'date must be a date (YYYY-MM-DD)' });
  if (command.agenda.length === 0 || command.agenda.some((a) => !a.trim()))
    violations.push({ rule: 'R12', field: 'agenda', message: 'a meeting has an agenda of at least one item' });
  if (!command.minutesSummary.trim()) violations.push({ rule: 'R12', field: 'minutesSummary', message: 'summarise the minutes' });
  checkPresent(command, forum, violations);
  if (violations.length) throw new DomainError(violations);
  const meetingId = `MT${forum.meetings.length + 1}`;
  return [
    {
      type: 'ForumMeetingRecorded',
      data: {
        forumId: forum.forumId,
        meetingId,
        date: command.date,
        agenda: command.agenda.map((a) => a.trim()),
        minutesSummary: command.minutesSummary.trim(),
        present: command.presentMemberIds,
      },
    },
  ];
}
