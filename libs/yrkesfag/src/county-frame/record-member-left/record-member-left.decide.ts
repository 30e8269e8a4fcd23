import { ConflictError, DomainError, isCalendarDate, NotFoundError } from '#libs/kernel';
import type { YrkesfagEvent } from '../county-frame.events.js';
import type { YrkesfagState } from '../county-frame.state.js';
import { existingCounty } from '../ledger.js';

export interface RecordCountyMemberLeft {
  type: 'RecordCountyMemberLeft';
  memberId: string;
  leftOn: string;
  reason: string;
}

/** R24/R21: a member leaves the county's forum on a date with a reason; the membership record stays. */
export function decideRecordCountyMemberLeft(command: RecordCountyMemberLeft, state: YrkesfagState): YrkesfagEvent[] {
  const county = existingCounty(state);
  const member = state.members.find((m) => m.memberId === command.memberId);
  if (!member) throw new NotFoundError('forum member', `${county.county}/${command.memberId}`);
  if (member.leftOn !== null) throw new ConflictError(`member ${member.memberId} left on ${member.leftOn}`);
  if (!isCalendarDate(command.leftOn)) throw DomainError.of('R24', 'leftOn', 'leftOn must be a date (YYYY-MM-DD)');
  if (command.leftOn <= member.joinedOn) throw DomainError.of('R24', 'leftOn', `member ${member.memberId} joined on ${member.joinedOn}`);
  if (!command.reason.trim()) throw DomainError.of('R21', 'reason', 'a departure needs a reason');
  return [
    {
      type: 'YrkesfagForumMemberLeft',
      data: { county: county.county, memberId: member.memberId, leftOn: command.leftOn, reason: command.reason },
    },
  ];
}
