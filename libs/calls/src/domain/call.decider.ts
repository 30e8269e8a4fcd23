import { ConflictError, DomainError, NotFoundError, ruleSetFor, type Scheme } from '#libs/kernel';
import type { Decider, DomainEvent } from '#libs/platform';

/** A call for needs assessments (utlysning): a governor office asks its owners for needs, by a deadline. */
export type CallCommand =
  | { type: 'OpenCall'; callId: string; office: string; scheme: Scheme; year: number; title: string; deadline: string; decisionDate: string }
  | { type: 'ExtendCallDeadline'; deadline: string; reason: string };

export type CallEvent =
  | DomainEvent<'CallOpened', { callId: string; office: string; scheme: Scheme; year: number; title: string; deadline: string; decisionDate: string; ruleSetVersion: string }>
  | DomainEvent<'CallDeadlineExtended', { callId: string; previousDeadline: string; deadline: string; reason: string }>;

export interface CallState {
  callId: string | null;
  office: string | null;
  scheme: Scheme | null;
  year: number | null;
  deadline: string | null;
}

export const callStream = (callId: string) => `Call-${callId}`;

/** One call per office, scheme and year. */
export const callIdOf = (office: string, scheme: Scheme, year: number) => `${office}-${scheme}-${year}`.toLowerCase();

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const callDecider: Decider<CallCommand, CallState, CallEvent> = {
  initialState: { callId: null, office: null, scheme: null, year: null, deadline: null },

  evolve(state, event) {
    switch (event.type) {
      case 'CallOpened':
        return { callId: event.data.callId, office: event.data.office, scheme: event.data.scheme, year: event.data.year, deadline: event.data.deadline };
      case 'CallDeadlineExtended':
        return { ...state, deadline: event.data.deadline };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'OpenCall': {
        if (state.callId) throw new ConflictError(`a call for ${command.office}, ${command.scheme} ${command.year} is open already`);
        const rules = ruleSetFor(command.scheme, command.year);
        const violations = [];
        if (!rules.governorRole) violations.push({ rule: 'scheme', field: 'scheme', message: `${command.scheme} has no governor role: Udir pays county municipalities directly` });
        if (!isDate(command.deadline)) violations.push({ rule: 'R14', field: 'deadline', message: 'deadline must be a date (YYYY-MM-DD)' });
        if (!isDate(command.decisionDate)) violations.push({ rule: 'R14', field: 'decisionDate', message: 'decisionDate must be a date (YYYY-MM-DD)' });
        else if (isDate(command.deadline) && command.decisionDate < command.deadline) {
          violations.push({ rule: 'R14', field: 'decisionDate', message: 'the decision date cannot come before the deadline for needs assessments' });
        }
        if (violations.length) throw new DomainError(violations);
        return [{ type: 'CallOpened', data: { callId: command.callId, office: command.office, scheme: command.scheme, year: command.year, title: command.title, deadline: command.deadline, decisionDate: command.decisionDate, ruleSetVersion: rules.version } }];
      }
      case 'ExtendCallDeadline': {
        if (!state.callId || !state.deadline) throw new NotFoundError('call', '(this id)');
        if (!isDate(command.deadline)) throw DomainError.of('R14', 'deadline', 'deadline must be a date (YYYY-MM-DD)');
        if (command.deadline <= state.deadline) throw DomainError.of('R14', 'deadline', `a deadline can only be extended: the current one is ${state.deadline}`);
        return [{ type: 'CallDeadlineExtended', data: { callId: state.callId, previousDeadline: state.deadline, deadline: command.deadline, reason: command.reason } }];
      }
    }
  },
};
