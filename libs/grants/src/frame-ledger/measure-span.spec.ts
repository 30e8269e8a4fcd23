import type { LedgerCommand } from './frame-ledger.aggregate.js';
import { decide, decided, frame, GRANT, measureOf, noRec, spec } from './frame-ledger.fixtures.js';

const frames = [frame(2027, 1_000_000), frame(2028, 1_000_000), frame(2029, 1_000_000)];
const oneYear = (() => {
  const c = decide({ decisionYear: 2027, callId: 'rogaland-dekomp-2027' });
  return { ...c, measure: { ...measureOf(c, [c.recipient.org]), startYear: 2027, spanYears: 1 } };
})();

describe("R9: money only for years inside the measure's span (decision and amendment)", () => {
  it('a decision for 2027 + 2028 on a measure spanning 2027 only is refused, naming the year outside', () => {
    spec
      .given(frames)
      .when({
        ...oneYear,
        lines: [
          { year: 2027, amount: 100_000 },
          { year: 2028, amount: 100_000 },
        ],
      })
      .thenViolatesExactly([['R9', 'amounts[1].year']]);
    expect(
      spec
        .given(frames)
        .when({ ...oneYear, lines: [{ year: 2027, amount: 100_000 }] })
        .events(),
    ).toHaveLength(1);
  });

  it('a measure starting the year after its call gets nothing for the call year', () => {
    const later = { ...oneYear, measure: { ...oneYear.measure, startYear: 2028, spanYears: 2 } };
    spec
      .given(frames)
      .when({
        ...later,
        lines: [
          { year: 2027, amount: 1 },
          { year: 2028, amount: 1 },
        ],
      })
      .thenViolatesExactly([['R9', 'amounts[0].year']]);
  });

  it('an amendment cannot add a year outside the span; without a catalogued measure (an import) only the decision-year rule holds', () => {
    const base = decided(frames, { ...oneYear, lines: [{ year: 2027, amount: 100_000 }] });
    const amend = (span: { startYear: number; spanYears: number } | null): LedgerCommand => ({
      type: 'AmendAllocation',
      grantId: GRANT,
      lines: [
        { year: 2027, amount: 1 },
        { year: 2028, amount: 1 },
      ],
      recommendation: noRec,
      reason: 'r',
      paidByYear: {},
      today: '2027-06-01',
      span,
    });
    spec
      .given(base)
      .when(amend({ startYear: 2027, spanYears: 1 }))
      .thenViolatesExactly([['R9', 'amounts[1].year']]);
    expect(spec.given(base).when(amend(null)).events()).toHaveLength(1);
  });
});
