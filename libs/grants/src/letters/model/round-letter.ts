import { SCHOOL_OWNER_KINDS } from '#libs/kernel';
import type { AllocationDecidedData, LedgerEvent } from '../../frame-ledger/frame-ledger.aggregate.js';
import type { LetterSettings } from '../letter-settings/letter-settings.aggregate.js';
import { grantLetter } from './grant-letter.js';
import { caseNumberOfDecision, type Positioned } from './grant-steps.js';
import type { LetterModel } from './letter.model.js';

/** The decisions of one call to one recipient, in event order, with the position of the last. */
export function roundDecisions(
  ledger: Positioned<LedgerEvent>[],
  callId: string,
  recipientOrg: string,
): { decisions: AllocationDecidedData[]; position: number } {
  const decisions: AllocationDecidedData[] = [];
  let position = 0;
  for (const { event, position: p } of ledger) {
    if (event.type !== 'AllocationDecided' || event.data.callId !== callId || event.data.recipientOrg !== recipientOrg) continue;
    decisions.push(event.data);
    position = p;
  }
  return { decisions, position };
}

/**
 * R22: one letter for an office's whole decision round to one recipient: every measure decided for it in the
 * call, as decided (amendments and revocations have their own letters), dated by the last decision.
 */
export function roundLetter(
  decisions: AllocationDecidedData[],
  settings: LetterSettings,
  names: { recipient: string; measureTitles: Record<string, string> },
): LetterModel {
  const first = decisions[0];
  const date = decisions
    .map((d) => d.decidedOn)
    .sort()
    .at(-1)!;
  return grantLetter({
    kind: decisions.length === 1 ? 'decision' : 'round',
    date,
    scheme: first.scheme,
    decisionYear: first.decisionYear,
    settings,
    recipient: { org: first.recipientOrg, name: names.recipient, schoolOwner: SCHOOL_OWNER_KINDS.includes(first.recipientKind) },
    measures: decisions.map((d) => ({
      measureId: d.measureId,
      title: names.measureTitles[d.measureId] ?? d.measureId,
      caseNumber: caseNumberOfDecision(d),
      lines: d.lines,
      basis: d.basis,
      deviates: d.deviates,
      deviationReason: d.deviationReason,
    })),
    decidedOn: null,
    reason: null,
    claim: null,
  });
}
