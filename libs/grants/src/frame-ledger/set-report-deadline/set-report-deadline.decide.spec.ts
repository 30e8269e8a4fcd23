import { decide, decided, frame, GRANT, spec } from '../frame-ledger.fixtures.js';
import type { LedgerCommand } from '../frame-ledger.aggregate.js';

const set = (deadline: string, year = 2028): LedgerCommand => ({
  type: 'SetReportDeadline',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year,
  deadline,
  reason: 'our own',
});
const base = decided([frame(2028, 1_000_000)], decide());

describe("R26: the office's own report deadline", () => {
  it('moves every line of the year still at the earlier deadline, and later decisions get it', () => {
    const events = decided(base, set('2029-02-01'));
    expect(events[events.length - 1]).toEqual({
      type: 'ReportDeadlineSet',
      data: { office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, previousDeadline: '2029-01-15', deadline: '2029-02-01', reason: 'our own' },
    });
    const state = spec.given(events).state;
    expect(state.grants[GRANT].lines[0].reportDeadline).toBe('2029-02-01');
    const [e] = spec
      .given(events)
      .when(decide({ measureId: 'm2', grantId: GRANT.replace('.m1.', '.m2.') }))
      .events();
    expect(e.data).toMatchObject({ lines: [{ reportDeadline: '2029-02-01' }] });
  });

  it('a deadline inside the grant year is refused; the same deadline again writes nothing', () => {
    spec
      .given(base)
      .when(set('2028-12-31'))
      .thenViolatesExactly([['R26', 'deadline']]);
    spec.given(base).when(set('2029-01-15')).then([]);
  });
});
