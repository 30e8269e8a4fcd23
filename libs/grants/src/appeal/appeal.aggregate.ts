import type { Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent } from '#libs/platform';
import type { AmountLine } from '../frame-ledger/frame-ledger.aggregate.js';
import { decideDecideAppeal, type DecideAppeal } from './decide-appeal/decide-appeal.decide.js';
import { decideLodgeAppeal, type LodgeAppeal } from './lodge-appeal/lodge-appeal.decide.js';
import { decideReconsiderAppeal, type ReconsiderAppeal } from './reconsider-appeal/reconsider-appeal.decide.js';

/**
 * R23: one appeal (klage) of a party against one letter (a decision step, R22) of a grant: lodged within three
 * weeks (or late), reconsidered by the governor (reversed fully or partly, or upheld and forwarded to Udir),
 * decided by Udir. One stream per appeal: `Appeal-<grantId>.<letter n>.<appellant org>`.
 */
export type AppealCommand = LodgeAppeal | ReconsiderAppeal | DecideAppeal;

/** The letter appealed: its number among the grant's letters, kind, date and case number. */
export interface AppealedLetter {
  n: number;
  kind: string;
  date: string;
  caseNumber: string;
}

/** What a reversal wrote to the frame ledger (R18): an amendment of the appellant's grant, or a new decision. */
export interface Remedy {
  grantId: string;
  kind: 'amendment' | 'decision';
  lines: AmountLine[];
  /** The ledger event's global position. */
  position: number;
}

export type GovernorOutcome = 'reversed' | 'partly_reversed' | 'upheld' | 'dismissed';
export type UdirOutcome = 'upheld' | 'reversed' | 'partly_reversed';
export type AppealStatus = 'lodged' | 'forwarded' | 'reversed' | 'partly_reversed' | 'upheld' | 'dismissed';

export interface AppealLodgedData {
  appealId: string;
  grantId: string;
  office: string;
  scheme: Scheme;
  callId: string;
  measureId: string;
  recipientOrg: string;
  appellantOrg: string;
  /** A recipient, or an owner of the measure that got less than it asked (or nothing). */
  standing: 'recipient' | 'owner';
  requested: number;
  granted: number;
  letter: AppealedLetter;
  grounds: string;
  lodgedOn: string;
  /** The letter's date + 21 days. */
  deadline: string;
  late: boolean;
}

export type AppealLodged = DomainEvent<'AppealLodged', AppealLodgedData>;
export type AppealReconsidered = DomainEvent<
  'AppealReconsidered',
  {
    appealId: string;
    office: string;
    outcome: GovernorOutcome;
    reason: string;
    lateReason: string | null;
    remedy: Remedy | null;
    reconsideredOn: string;
  }
>;
export type AppealForwarded = DomainEvent<'AppealForwarded', { appealId: string; office: string; to: 'UDIR'; forwardedOn: string }>;
export type AppealDecided = DomainEvent<
  'AppealDecided',
  { appealId: string; office: string; by: 'UDIR'; outcome: UdirOutcome; reason: string; remedy: Remedy | null; decidedOn: string }
>;
export type AppealEvent = AppealLodged | AppealReconsidered | AppealForwarded | AppealDecided;

export interface AppealState {
  lodged: AppealLodgedData | null;
  status: AppealStatus | null;
}

export const initialAppealState: AppealState = { lodged: null, status: null };

export function evolveAppeal(state: AppealState, event: AppealEvent): AppealState {
  switch (event.type) {
    case 'AppealLodged':
      return { lodged: event.data, status: 'lodged' };
    case 'AppealReconsidered':
      return { ...state, status: event.data.outcome };
    case 'AppealForwarded':
      return { ...state, status: 'forwarded' };
    case 'AppealDecided':
      return { ...state, status: event.data.outcome };
  }
}

export function decideAppeal(command: AppealCommand, state: AppealState): AppealEvent[] {
  switch (command.type) {
    case 'LodgeAppeal':
      return decideLodgeAppeal(command, state);
    case 'ReconsiderAppeal':
      return decideReconsiderAppeal(command, state);
    case 'DecideAppeal':
      return decideDecideAppeal(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const Appeal = defineAggregate<AppealCommand, AppealState, AppealEvent>({
  name: 'Appeal',
  decider: { initialState: initialAppealState, evolve: evolveAppeal, decide: decideAppeal },
  eventTypes: { AppealLodged: 1, AppealReconsidered: 1, AppealForwarded: 1, AppealDecided: 1 },
});

/** Every appeal event type (for the grants index and read models of other capabilities). */
export const APPEAL_EVENT_TYPES = Object.keys(Appeal.eventTypes) as readonly string[];

/** An appeal's id: the grant, the letter's number and the appellant (so the same step twice is the same stream). */
export const appealIdOf = (grantId: string, letterN: number, appellantOrg: string) => `${grantId}.${letterN}.${appellantOrg}`;

export function parseAppealId(appealId: string): { grantId: string; office: string; n: number; appellantOrg: string } | null {
  const parts = appealId.split('.');
  if (parts.length !== 6 || !/^\d{1,4}$/.test(parts[4]) || !/^\d{9}$/.test(parts[5])) return null;
  return { grantId: parts.slice(0, 4).join('.'), office: parts[0], n: Number(parts[4]), appellantOrg: parts[5] };
}

/** An open appeal: waiting for the governor or for Udir. */
export const isOpen = (status: AppealStatus | null) => status === 'lodged' || status === 'forwarded';
