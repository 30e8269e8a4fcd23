import { SCHOOL_OWNER_KINDS } from '#libs/kernel';
import {
  withMinimum,
  type AllocationDecidedData,
  type DecisionBasis,
  type LedgerEvent,
} from '../../frame-ledger/frame-ledger.aggregate.js';
import type { GrantEvent } from '../../grant/grant.aggregate.js';
import type { LetterSettings } from '../letter-settings/letter-settings.aggregate.js';
import type { GrantLetterFacts, LetterLine } from './letter.model.js';

export type GrantLetterKind = 'decision' | 'amendment' | 'revocation' | 'repayment_claim';

/** An event with its global position (a letter's place in the log, for `asOf` and the settings then). */
export interface Positioned<E> {
  event: E;
  position: number;
}

/** One letter of a grant: one per decision, amendment, revocation and repayment claim, numbered in event order. */
export interface GrantLetterStep {
  n: number;
  kind: GrantLetterKind;
  position: number;
  /** The event's date in Norway (the day the service recorded it: decidedOn, amendedOn, revokedOn, claimedOn). */
  date: string;
  decision: AllocationDecidedData;
  caseNumber: string;
  lines: LetterLine[];
  previousLines?: LetterLine[];
  basis: DecisionBasis;
  deviates: boolean;
  deviationReason: string | null;
  reason: string | null;
  claim: { amount: number; year: number | null } | null;
}

/** A decision stored before case numbers were recorded: year and grant id name it uniquely. */
export const caseNumberOfDecision = (d: AllocationDecidedData) => d.caseNumber ?? `${d.decisionYear}/${d.grantId}`;

type Draft = Omit<GrantLetterStep, 'n'>;

function ledgerStep(e: LedgerEvent, position: number, decision: AllocationDecidedData | null, current: LetterLine[]): Draft | null {
  switch (e.type) {
    case 'AllocationDecided': {
      const d = e.data;
      return {
        kind: 'decision',
        position,
        date: d.decidedOn,
        decision: d,
        caseNumber: caseNumberOfDecision(d),
        lines: d.lines,
        basis: d.basis,
        deviates: d.deviates,
        deviationReason: d.deviationReason,
        reason: null,
        claim: null,
      };
    }
    case 'AllocationAmended': {
      if (!decision) return null;
      const d = e.data;
      const lines = d.lines.map((l) => withMinimum(decision, l));
      const base = { decision, caseNumber: caseNumberOfDecision(decision), claim: null };
      return {
        ...base,
        kind: 'amendment',
        position,
        date: d.amendedOn,
        lines,
        previousLines: current,
        basis: d.basis,
        deviates: d.deviates,
        deviationReason: d.deviates ? d.reason : null,
        reason: d.reason,
      };
    }
    case 'AllocationRevoked': {
      if (!decision) return null;
      const base = {
        decision,
        caseNumber: caseNumberOfDecision(decision),
        lines: current,
        basis: decision.basis,
        deviates: false,
        deviationReason: null,
        claim: null,
      };
      return { ...base, kind: 'revocation', position, date: e.data.revokedOn, reason: e.data.reason };
    }
    default:
      return null;
  }
}

/**
 * R22: a grant's letters from its events (the ledger's about it and its own stream's), in event order. Pure:
 * the same events always give the same letters.
 */
export function grantLetterSteps(grantId: string, ledger: Positioned<LedgerEvent>[], grant: Positioned<GrantEvent>[]): GrantLetterStep[] {
  const drafts: Draft[] = [];
  let decision: AllocationDecidedData | null = null;
  let current: LetterLine[] = [];
  for (const { event, position } of ledger) {
    if ((event.data as { grantId?: string }).grantId !== grantId) continue;
    const step = ledgerStep(event, position, decision, current);
    if (!step) continue;
    if (event.type === 'AllocationDecided') decision = event.data;
    current = step.lines;
    drafts.push(step);
  }
  for (const { event, position } of grant) {
    if (event.type !== 'RepaymentClaimed' || !decision) continue;
    const d = event.data;
    const base = {
      decision,
      caseNumber: caseNumberOfDecision(decision),
      lines: current,
      basis: decision.basis,
      deviates: false,
      deviationReason: null,
    };
    // The claim's lines are the decision's as they stood then: the last ledger step before the claim.
    const before = drafts.filter((x) => x.position < position).at(-1);
    drafts.push({
      ...base,
      lines: before?.lines ?? current,
      kind: 'repayment_claim',
      position,
      date: d.claimedOn,
      reason: d.reason,
      claim: { amount: d.amount, year: d.year },
    });
  }
  return drafts.sort((a, b) => a.position - b.position).map((d, i) => ({ ...d, n: i + 1 }));
}

/** The facts of one grant letter, with the names and settings looked up for it. */
export function grantLetterFacts(
  step: GrantLetterStep,
  settings: LetterSettings,
  names: { recipient: string; measureTitle: string },
): GrantLetterFacts {
  const d = step.decision;
  return {
    kind: step.kind,
    date: step.date,
    scheme: d.scheme,
    decisionYear: d.decisionYear,
    settings,
    recipient: { org: d.recipientOrg, name: names.recipient, schoolOwner: SCHOOL_OWNER_KINDS.includes(d.recipientKind) },
    measures: [
      {
        measureId: d.measureId,
        title: names.measureTitle,
        caseNumber: step.caseNumber,
        lines: step.lines,
        ...(step.previousLines ? { previousLines: step.previousLines } : {}),
        basis: step.basis,
        deviates: step.deviates,
        deviationReason: step.deviationReason,
      },
    ],
    decidedOn: step.kind === 'decision' ? null : d.decidedOn,
    reason: step.reason,
    claim: step.claim,
  };
}
