import type { OrgKind, Scheme } from '#libs/kernel';
import { defineAggregate, type DomainEvent, type Warning } from '#libs/platform';
import { decideAdjustFrame, type AdjustFrame } from './adjust-frame/adjust-frame.decide.js';
import { decideAmendAllocation, type AmendAllocation } from './amend-allocation/amend-allocation.decide.js';
import { decideDecideAllocation, type DecideAllocation } from './decide-allocation/decide-allocation.decide.js';
import { decideDecisionDay, evolveDecisionDay, type DecisionDayCommand, type DecisionDayEvent } from './frame-ledger.decision-day.js';
import { requiredCoFinancing } from './frame-ledger.rules.js';
import { decideRevokeAllocation, type RevokeAllocation } from './revoke-allocation/revoke-allocation.decide.js';
import { decideSetFrame, type SetFrame } from './set-frame/set-frame.decide.js';

/**
 * The frame ledger of one governor office and one scheme: the ministry's yearly frames (ramme) and every
 * allocation decision (vedtak) charged to them, over all years. One stream per office and scheme, so a
 * multi-year decision charges every year's frame in one append, and the expected-version check makes
 * concurrent decisions lose with 409 rather than push a frame over (R18).
 */
export type LedgerCommand = SetFrame | AdjustFrame | DecideAllocation | AmendAllocation | RevokeAllocation | DecisionDayCommand;

export interface AmountLine {
  year: number;
  amount: number;
}

export interface DecidedLine extends AmountLine {
  /** R15: the report for this year is due by this date. */
  reportDeadline: string;
  /** R12: what the forum recommended for this recipient, measure and year (null: no recommendation). */
  recommended: number | null;
  /** R7/R8: the least co-financing the recipient commits and documents for this year. */
  coFinancingRequired: number;
}

/** A line in an AllocationAmended event: those stored before the minimum was carried (v1) lack it. */
export type AmendedLine = Omit<DecidedLine, 'coFinancingRequired'> & { coFinancingRequired?: number };

/** R12: on what the governor decides. */
export type DecisionBasis = 'recommendation' | 'no_agreement' | 'no_recommendation';

export interface RecommendationFacts {
  basis: DecisionBasis;
  recommendationId: string | null;
  /** The recommended lines for this measure and recipient. */
  lines: AmountLine[];
}

export interface RecipientFacts {
  org: string;
  /** null: no such registered organisation. */
  kind: OrgKind | null;
}

export interface AllocationDecidedData {
  grantId: string;
  office: string;
  scheme: Scheme;
  decisionYear: number;
  callId: string;
  measureId: string;
  recipientOrg: string;
  recipientKind: OrgKind;
  lines: DecidedLine[];
  basis: DecisionBasis;
  recommendationId: string | null;
  deviates: boolean;
  deviationReason: string | null;
  decidedOn: string;
  decisionDate: string;
  ruleSetVersion: string;
  warnings: Warning[];
  /** R22: the case number (saksnummer) of the decision; absent in decisions stored before it was recorded. */
  caseNumber?: string;
}

export interface AllocationAmendedData {
  grantId: string;
  office: string;
  scheme: Scheme;
  previousLines: AmendedLine[];
  lines: AmendedLine[];
  basis: DecisionBasis;
  recommendationId: string | null;
  deviates: boolean;
  reason: string;
  amendedOn: string;
  ruleSetVersion: string;
  warnings: Warning[];
}

export type FrameSet = DomainEvent<'FrameSet', { office: string; scheme: Scheme; year: number; amount: number }>;
export type FrameAdjusted = DomainEvent<
  'FrameAdjusted',
  { office: string; scheme: Scheme; year: number; previousAmount: number; amount: number; reason: string }
>;
export type AllocationDecided = DomainEvent<'AllocationDecided', AllocationDecidedData>;
export type AllocationAmended = DomainEvent<'AllocationAmended', AllocationAmendedData>;
export type AllocationRevoked = DomainEvent<
  'AllocationRevoked',
  { grantId: string; office: string; scheme: Scheme; recipientOrg: string; reason: string; revokedOn: string; warnings: Warning[] }
>;
export type LedgerEvent = FrameSet | FrameAdjusted | AllocationDecided | AllocationAmended | AllocationRevoked | DecisionDayEvent;

export interface GrantCharge {
  grantId: string;
  office: string;
  scheme: Scheme;
  callId: string;
  measureId: string;
  recipientOrg: string;
  recipientKind: OrgKind;
  decisionYear: number;
  lines: DecidedLine[];
  status: 'active' | 'revoked';
  ruleSetVersion: string;
  /** The ledger's events about this grant (decision, amendments, revocation): part of the grant's version. */
  changes: number;
  /** R22: the decision's case number (saksnummer), when recorded. */
  caseNumber?: string;
}

export interface LedgerState {
  office: string | null;
  scheme: Scheme | null;
  frames: Record<number, number>;
  /** R26: the office's own report deadline per year (default: 15 January after it). */
  reportDeadlines?: Record<number, string>;
  grants: Record<string, GrantCharge>;
}

export const initialLedgerState: LedgerState = { office: null, scheme: null, frames: {}, grants: {} };

/** One ledger per office and scheme: stream `FrameLedger-<OFFICE>-<SCHEME>`. */
export const ledgerIdOf = (office: string, scheme: Scheme) => `${office}-${scheme}`;

/** The minimum an amended line carries; for lines stored before it was carried, computed from the decision. */
export const withMinimum = (g: Pick<GrantCharge, 'scheme' | 'recipientKind'>, l: AmendedLine): DecidedLine => ({
  ...l,
  coFinancingRequired: l.coFinancingRequired ?? requiredCoFinancing(g, l.year, l.amount),
});

function evolveDecided(state: LedgerState, d: AllocationDecidedData): LedgerState {
  const charge: GrantCharge = {
    grantId: d.grantId,
    office: d.office,
    scheme: d.scheme,
    callId: d.callId,
    measureId: d.measureId,
    recipientOrg: d.recipientOrg,
    recipientKind: d.recipientKind,
    decisionYear: d.decisionYear,
    lines: d.lines,
    status: 'active',
    ruleSetVersion: d.ruleSetVersion,
    changes: 1,
    ...(d.caseNumber ? { caseNumber: d.caseNumber } : {}),
  };
  return { ...state, office: d.office, scheme: d.scheme, grants: { ...state.grants, [d.grantId]: charge } };
}

export function evolveLedger(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'FrameSet':
      return {
        ...state,
        office: event.data.office,
        scheme: event.data.scheme,
        frames: { ...state.frames, [event.data.year]: event.data.amount },
      };
    case 'FrameAdjusted':
      return { ...state, frames: { ...state.frames, [event.data.year]: event.data.amount } };
    case 'AllocationDecided':
      return evolveDecided(state, event.data);
    case 'AllocationAmended': {
      const g = state.grants[event.data.grantId];
      const lines = event.data.lines.map((l) => withMinimum(g, l));
      return {
        ...state,
        grants: { ...state.grants, [g.grantId]: { ...g, lines, ruleSetVersion: event.data.ruleSetVersion, changes: g.changes + 1 } },
      };
    }
    case 'AllocationRevoked': {
      const g = state.grants[event.data.grantId];
      return { ...state, grants: { ...state.grants, [g.grantId]: { ...g, status: 'revoked', changes: g.changes + 1 } } };
    }
    case 'ReportDeadlineSet':
    case 'ReportDeadlineExtended':
    case 'CommitmentImported':
      return evolveDecisionDay(state, event);
  }
}

export function decideLedger(command: LedgerCommand, state: LedgerState): LedgerEvent[] {
  switch (command.type) {
    case 'SetFrame':
      return decideSetFrame(command, state);
    case 'AdjustFrame':
      return decideAdjustFrame(command, state);
    case 'DecideAllocation':
      return decideDecideAllocation(command, state);
    case 'AmendAllocation':
      return decideAmendAllocation(command, state);
    case 'RevokeAllocation':
      return decideRevokeAllocation(command, state);
    case 'DecideAllocations':
    case 'SetReportDeadline':
    case 'ExtendReportDeadline':
    case 'ImportCommitments':
      return decideDecisionDay(command, state, evolveLedger);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

type V1Line = Omit<DecidedLine, 'coFinancingRequired'>;

export const FrameLedger = defineAggregate<LedgerCommand, LedgerState, LedgerEvent>({
  name: 'FrameLedger',
  decider: { initialState: initialLedgerState, evolve: evolveLedger, decide: decideLedger },
  eventTypes: {
    FrameSet: 1,
    FrameAdjusted: 1,
    AllocationDecided: 2,
    AllocationAmended: 2,
    AllocationRevoked: 1,
    ReportDeadlineSet: 1,
    ReportDeadlineExtended: 1,
    CommitmentImported: 1,
  },
  upcasters: {
    // v2 carries the R7/R8 co-financing minimum in every line.
    AllocationDecided: {
      1: (v1) => {
        const d = v1 as Omit<AllocationDecidedData, 'lines'> & { lines: V1Line[] };
        return { ...d, lines: d.lines.map((l) => ({ ...l, coFinancingRequired: requiredCoFinancing(d, l.year, l.amount) })) };
      },
    },
    // An amendment does not name the recipient's kind: its v1 lines stay without the minimum, which evolve and
    // the projections fill in from the decision (withMinimum).
    AllocationAmended: { 1: (v1) => v1 },
  },
});
