import { DomainError, isCalendarDate, NotFoundError } from '#libs/kernel';
import type { CallEvent, CallState } from '../call.aggregate.js';

export interface ExtendCallDeadline {
  type: 'ExtendCallDeadline';
  deadline: string;
  reason: string;
}

/** R14: a deadline can only move later, with a reason (R21). */
export function decideExtendCallDeadline(command: ExtendCallDeadline, state: CallState): CallEvent[] {
  if (!state.callId || !state.deadline) throw new NotFoundError('call', '(this id)');
  if (!isCalendarDate(command.deadline)) throw DomainError.of('R14', 'deadline', 'deadline must be a date (YYYY-MM-DD)');
  if (command.deadline <= state.deadline)
    throw DomainError.of('R14', 'deadline', `a deadline can only be extended: the current one is ${state.deadline}`);
  return [
    {
      type: 'CallDeadlineExtended',
      data: { callId: state.callId, previousDeadline: state.deadline, deadline: command.deadline, reason: command.reason },
    },
  ];
}
