import { FrameLedger, type LedgerCommand } from '../frame-ledger.aggregate.js';
import { decide, decided, frame, GRANT, noRec, spec } from '../frame-ledger.fixtures.js';

const base = decided([frame(2028, 1_000_000)], decide());
const amend = (lines: Array<{ year: number; amount: number }>, paidByYear: Record<number, number> = {}): LedgerCommand => ({
  type: 'AmendAllocation',
  grantId: GRANT,
  lines,
  recommendation: noRec,
  reason: 'the measure grew',
  paidByYear,
  today: '2028-06-01',
});

describe('amend an allocation (R21)', () => {
  it('an amendment replaces the lines, keeps the earlier ones in the event, and charges only the difference (R18)', () => {
    const [e] = spec
      .given(base)
      .when(amend([{ year: 2028, amount: 1_000_000 }]))
      .events();
    expect(e).toMatchObject({
      type: 'AllocationAmended',
      data: {
        previousLines: [{ amount: 400_000 }],
        lines: [{ amount: 1_000_000, reportDeadline: '2029-01-15', coFinancingRequired: 300_000 }],
        reason: 'the measure grew',
      },
    });
    spec
      .given(base)
      .when(amend([{ year: 2028, amount: 1_000_001 }]))
      .thenViolatesExactly([['R18', 'amounts[0].amount']]);
  });

  it('an amendment cannot go below what is paid (R16: claim it back instead)', () => {
    spec
      .given(base)
      .when(amend([{ year: 2028, amount: 100_000 }], { 2028: 200_000 }))
      .thenViolatesExactly([['R16', 'amounts']]);
  });

  it('each amendment counts as a change of the grant (its version)', () => {
    const amended = [
      ...base,
      ...spec
        .given(base)
        .when(amend([{ year: 2028, amount: 500_000 }]))
        .events(),
    ];
    expect(spec.given(base).state.grants[GRANT].changes).toBe(1);
    expect(spec.given(amended).state.grants[GRANT].changes).toBe(2);
  });

  it('an amendment stored before the minimum was carried (v1) is read with the minimum from the decision', () => {
    const [e] = spec
      .given(base)
      .when(amend([{ year: 2028, amount: 500_000 }]))
      .events();
    if (e.type !== 'AllocationAmended') throw new Error('expected AllocationAmended');
    const v1 = { ...e.data, lines: e.data.lines.map(({ coFinancingRequired: _, ...l }) => l) };
    const state = FrameLedger.decider.evolve(spec.given(base).state, { type: 'AllocationAmended', data: v1 });
    expect(state.grants[GRANT].lines).toEqual([expect.objectContaining({ amount: 500_000, coFinancingRequired: 150_000 })]);
  });
});
