import { ConflictError, DomainError, isCalendarDate, NotFoundError } from '#libs/kernel';
import type { ForumEvent, ForumState } from '../forum.aggregate.js';
import { existingForum } from '../membership.js';

export interface RecordMemberLeft {
  type: 'RecordMemberLeft';
  memberId: string;
  leftOn: string;
  reason: string;
}

/** R11: a member leaves once, after joining and after the last meeting it attended, with a reason (R21). */
export function decideRecordMemberLeft(command: RecordMemberLeft, state: ForumState): ForumEvent[] {
  const forum = existingForum(state);
  const member = forum.members.find((m) => m.memberId === command.memberId);
  if (!member) throw new NotFoundError('forum member', command.memberId);
  if (member.leftOn !== null) throw new ConflictError(`member ${command.memberId} left on ${member.leftOn} already`);
  if (!isCalendarDate(command.leftOn)) throw DomainError.of('R11', 'leftOn', 'leftOn must be a date (YYYY-MM-DD)');
  if (command.leftOn <= member.joinedOn) throw DomainError.of('R11', 'leftOn', `a member leaves after joining (${member.joinedOn})`);
  const attended = forum.meetings.find((m) => m.date >= command.leftOn && m.present.includes(command.memberId));
  if (attended)
    throw DomainError.of('R11', 'leftOn', `member ${command.memberId} was present at meeting ${attended.meetingId} on ${attended.date}`);
  return [
    {
      type: 'ForumMemberLeft',
      data: { forumId: forum.forumId, memberId: command.memberId, leftOn: command.leftOn, reason: command.reason },
    },
  ];
}
