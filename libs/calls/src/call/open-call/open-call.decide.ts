import { ConflictError, DomainError, isCalendarDate, ruleSetFor, type RuleViolation, type Scheme } from '#libs/kernel';
import type { CallEvent, CallState } from '../call.aggregate.js';

export interface OpenCall {
  type: 'OpenCall';
  callId: string;
  office: string;
  scheme: Scheme;
  year: number;
  title: string;
  deadline: string;
  decisionDate: string;
}

/** R14: a call has a deadline for needs assessments and a decision date no earlier than it; YRKESFAG has no call. */
export function decideOpenCall(command: OpenCall, state: CallState): CallEvent[] {
  if (state.callId) throw new ConflictError(`a call for ${command.office}, ${command.scheme} ${command.year} is open already`);
  const rules = ruleSetFor(command.scheme, command.year);
  const violations: RuleViolation[] = [];
  if (!rules.governorRole)
    violations.push({
      rule: 'scheme',
      field: 'scheme',
      message: `${command.scheme} has no governor role: Udir pays county municipalities directly`,
    });
  if (!isCalendarDate(command.deadline))
    violations.push({ rule: 'R14', field: 'deadline', message: 'deadline must be a date (YYYY-MM-DD)' });
  if (!isCalendarDate(command.decisionDate))
    violations.push({ rule: 'R14', field: 'decisionDate', message: 'decisionDate must be a date (YYYY-MM-DD)' });
  else if (isCalendarDate(command.deadline) && command.decisionDate < command.deadline) {
    violations.push({
      rule: 'R14',
      field: 'decisionDate',
      message: 'the decision date cannot come before the deadline for needs assessments',
    });
  }
  if (violations.length) throw new DomainError(violations);
  const { type: _type, ...call } = command;
  return [{ type: 'CallOpened', data: { ...call, ruleSetVersion: rules.version } }];
}
