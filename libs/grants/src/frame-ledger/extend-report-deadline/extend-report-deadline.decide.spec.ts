import { NotFoundError } from '#libs/kernel';
import { decide, decided, frame, GRANT, spec } from '../frame-ledger.fixtures.js';
import type { LedgerCommand } from '../frame-ledger.aggregate.js';

const extend = (deadline: string, year = 2028, reason = 'illness'): LedgerCommand => ({
  type: 'ExtendReportDeadline',
  grantId: GRANT,
  year,
  deadline,
  reason,
});
const base = decided([frame(2028, 1_000_000)], decide());

describe("R26: extend one recipient's report deadline", () => {
  it('later, with a reason; the grant changes (its version)', () => {
    const events = decided(base, extend('2029-03-01'));
    expect(events[events.length - 1].data).toMatchObject({
      grantId: GRANT,
      previousDeadline: '2029-01-15',
      deadline: '2029-03-01',
      reason: 'illness',
    });
    const g = spec.given(events).state.grants[GRANT];
    expect([g.lines[0].reportDeadline, g.changes]).toEqual(['2029-03-01', 2]);
  });

  it('never earlier, never without a reason, only a year with money, only an existing grant', () => {
    spec
      .given(base)
      .when(extend('2029-01-10'))
      .thenViolatesExactly([['R26', 'deadline']]);
    spec
      .given(base)
      .when(extend('2029-03-01', 2028, ' '))
      .thenViolatesExactly([['R21', 'reason']]);
    spec
      .given(base)
      .when(extend('2030-03-01', 2029))
      .thenViolatesExactly([['R9', 'year']]);
    spec.given([]).when(extend('2029-03-01')).thenThrows(NotFoundError);
  });
});
