import type { Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent } from '#libs/platform';
import { decideExtendCallDeadline, type ExtendCallDeadline } from './extend-deadline/extend-deadline.decide.js';
import { decideOpenCall, type OpenCall } from './open-call/open-call.decide.js';

/** A call for needs assessments (utlysning): a governor office asks its owners for needs, by a deadline. */
export type CallCommand = OpenCall | ExtendCallDeadline;

export type CallOpened = DomainEvent<
  'CallOpened',
  {
    callId: string;
    office: string;
    scheme: Scheme;
    year: number;
    title: string;
    deadline: string;
    decisionDate: string;
    ruleSetVersion: string;
  }
>;
export type CallDeadlineExtended = DomainEvent<
  'CallDeadlineExtended',
  { callId: string; previousDeadline: string; deadline: string; reason: string }
>;
export type CallEvent = CallOpened | CallDeadlineExtended;

export interface CallState {
  callId: string | null;
  office: string | null;
  scheme: Scheme | null;
  year: number | null;
  deadline: string | null;
  decisionDate: string | null;
}

export const initialCallState: CallState = { callId: null, office: null, scheme: null, year: null, deadline: null, decisionDate: null };

/** One call per office, scheme and year. */
export const callIdOf = (office: string, scheme: Scheme, year: number) => `${office}-${scheme}-${year}`.toLowerCase();

export function evolveCall(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'CallOpened':
      return {
        callId: event.data.callId,
        office: event.data.office,
        scheme: event.data.scheme,
        year: event.data.year,
        deadline: event.data.deadline,
        decisionDate: event.data.decisionDate,
      };
    case 'CallDeadlineExtended':
      return { ...state, deadline: event.data.deadline };
  }
}

export function decideCall(command: CallCommand, state: CallState): CallEvent[] {
  switch (command.type) {
    case 'OpenCall':
      return decideOpenCall(command, state);
    case 'ExtendCallDeadline':
      return decideExtendCallDeadline(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const Call = defineAggregate<CallCommand, CallState, CallEvent>({
  name: 'Call',
  decider: { initialState: initialCallState, evolve: evolveCall, decide: decideCall },
  eventTypes: { CallOpened: 1, CallDeadlineExtended: 1 },
});
