import type { MeasureInfo } from '#libs/kernel';
import { deciderSpec } from '#libs/testing';
import { AllocationProposal } from '../allocation-proposal.aggregate.js';
import { frame, measureOf } from '../../frame-ledger/frame-ledger.fixtures.js';
import { FrameLedger } from '../../frame-ledger/frame-ledger.aggregate.js';
import type { DraftProposal } from './draft-proposal.decide.js';

const spec = deciderSpec(AllocationProposal.decider);
const ledger = deciderSpec(FrameLedger.decider).given([frame(2028, 1_000_000), frame(2029, 100_000)]).state;
const m = (id: string, org: string, requested: MeasureInfo['requested'], themes: string[] = []): MeasureInfo => ({
  ...measureOf({ measureId: id, scheme: 'DEKOMP', decisionYear: 2028, callId: 'rogaland-dekomp-2028' }, [org]),
  themes,
  requested,
});
const measures = [
  m(
    'a',
    '964965226',
    [
      { org: '964965226', year: 2028, amount: 200_000 },
      { org: '964965226', year: 2029, amount: 100_000 },
    ],
    ['lesing'],
  ),
  m('b', '971564679', [{ org: '971564679', year: 2028, amount: 900_000 }]),
  m('c', '964965226', [{ org: '964965226', year: 2029, amount: 50_000 }]),
];
const propose = (over: Partial<DraftProposal> = {}): DraftProposal => ({
  ...{
    type: 'DraftProposal',
    proposalId: 'p1',
    office: 'ROGALAND',
    scheme: 'DEKOMP',
    year: 2028,
    callId: 'rogaland-dekomp-2028',
    key: 'equal',
  },
  ...{
    source: 'submitted',
    recommendationId: null,
    measures,
    recommended: [],
    kinds: { '964965226': 'municipality', '971564679': 'university' },
    ledger,
    today: '2028-04-01',
  },
  ...over,
});

describe('R25: draft an allocation proposal', () => {
  it('equal shares of the free amount, capped at the request; the excess goes on; later years scaled; co-financing; a measure without a 2028 request left out', () => {
    const [e] = spec.given([]).when(propose()).events();
    expect(e.data).toMatchObject({
      amount: 1_000_000,
      allocated: 1_000_000,
      unallocated: 0,
      excluded: [{ measureId: 'c', reason: 'requests nothing for 2028' }],
    });
    expect(e.data.lines).toEqual([
      expect.objectContaining({
        measureId: 'a',
        years: [
          { year: 2028, requested: 200_000, amount: 200_000, coFinancingRequired: 60_000 },
          { year: 2029, requested: 100_000, amount: 100_000, coFinancingRequired: 30_000 },
        ],
      }),
      expect.objectContaining({ measureId: 'b', years: [{ year: 2028, requested: 900_000, amount: 800_000, coFinancingRequired: 0 }] }),
    ]);
    expect(e.data.effect).toEqual([
      { year: 2028, frame: 1_000_000, charged: 0, proposed: 1_000_000, freeAfter: 0 },
      { year: 2029, frame: 100_000, charged: 0, proposed: 100_000, freeAfter: 0 },
    ]);
  });

  it('by theme weights; weights that sum to zero are refused (R25)', () => {
    const [e] = spec
      .given([])
      .when(propose({ key: 'weights', amount: 300_000, themeWeights: { lesing: 1 }, weights: { b: 2 } }))
      .events();
    expect(e.data.lines.map((l) => l.years[0].amount)).toEqual([100_000, 200_000]);
    spec
      .given([])
      .when(propose({ key: 'weights', weights: { a: 0 } }))
      .thenViolatesExactly([['R25', 'weights']]);
  });

  it('by participants: every measure needs its count (R25); pro rata to the request', () => {
    spec
      .given([])
      .when(propose({ key: 'participants', participants: { a: 10 } }))
      .thenViolatesExactly([['R25', 'participants.b']]);
    const [e] = spec
      .given([])
      .when(propose({ key: 'pro_rata', amount: 550_000 }))
      .events();
    expect(e.data.lines.map((l) => l.years[0].amount)).toEqual([100_000, 450_000]);
  });

  it('R18: never above the free amount, and there must be a frame', () => {
    spec
      .given([])
      .when(propose({ amount: 1_000_001 }))
      .thenViolatesExactly([['R18', 'amount']]);
    spec
      .given([])
      .when(propose({ year: 2030 }))
      .thenViolatesExactly([['R18', 'year']]);
  });
});
