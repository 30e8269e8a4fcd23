import type { MeasureInfo } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { FrameLedger, type LedgerCommand, type LedgerEvent, type RecommendationFacts } from './frame-ledger.aggregate.js';
import type { DecideAllocation } from './decide-allocation/decide-allocation.decide.js';

/** Shared Given/When material for the frame ledger's decide specs. */
export const spec = deciderSpec(FrameLedger.decider);

export const GRANT = 'ROGALAND.DEKOMP.m1.964965226';
export const frame = (year: number, amount: number): LedgerEvent => ({
  type: 'FrameSet',
  data: { office: 'ROGALAND', scheme: 'DEKOMP', year, amount },
});
export const noRec: RecommendationFacts = { basis: 'no_recommendation', recommendationId: null, lines: [] };
export const owner = { org: '964965226', kind: 'municipality' as const };

/** A submitted measure of the call, with the recipient as an owner (R10). */
export function measureOf(c: Pick<DecideAllocation, 'measureId' | 'scheme' | 'decisionYear' | 'callId'>, owners: string[]): MeasureInfo {
  return {
    assessmentId: `a-${c.measureId}`,
    measureId: c.measureId,
    callId: c.callId,
    office: 'ROGALAND',
    scheme: c.scheme,
    year: c.decisionYear,
    title: `Measure ${c.measureId}`,
    themes: [],
    leadOwner: owners[0],
    owners,
    network: false,
    universities: [],
    startYear: c.decisionYear,
    spanYears: 3,
    requested: [],
    status: 'submitted',
    late: false,
  };
}

/** A decision; unless the override names a measure, the measure is submitted with the recipient as its owner. */
export function decide(over: Partial<DecideAllocation> = {}): DecideAllocation {
  const c: DecideAllocation = {
    type: 'DecideAllocation',
    grantId: GRANT,
    office: 'ROGALAND',
    scheme: 'DEKOMP',
    decisionYear: 2028,
    callId: 'rogaland-dekomp-2028',
    measureId: 'm1',
    measure: null,
    recipient: owner,
    lines: [{ year: 2028, amount: 400_000 }],
    recommendation: noRec,
    decisionDate: '2028-04-30',
    today: '2028-04-20',
    ...over,
  };
  return 'measure' in over ? c : { ...c, measure: measureOf(c, [c.recipient.org]) };
}

/** The events after a command is decided on them. */
export const decided = (events: LedgerEvent[], command: LedgerCommand) => [...events, ...spec.given(events).when(command).events()];
