import { decide, decided, frame, GRANT, spec } from '../frame-ledger.fixtures.js';
import type { LedgerCommand } from '../frame-ledger.aggregate.js';

const frames = [frame(2028, 1_000_000)];
const line = (measureId: string, amount: number) =>
  decide({ measureId, grantId: GRANT.replace('.m1.', `.${measureId}.`), lines: [{ year: 2028, amount }] });
const bulk = (...lines: ReturnType<typeof decide>[]): LedgerCommand => ({
  type: 'DecideAllocations',
  lines,
  labels: lines.map((l) => l.measureId),
});

describe('decide many allocations at once (R12, R18)', () => {
  it('every line becomes its own AllocationDecided, in one batch', () => {
    const events = spec
      .given(frames)
      .when(bulk(line('m1', 400_000), line('m2', 600_000)))
      .events();
    expect(events.map((e) => [e.type, (e.data as { measureId: string }).measureId])).toEqual([
      ['AllocationDecided', 'm1'],
      ['AllocationDecided', 'm2'],
    ]);
  });

  it('R18 counts the whole batch; every bad line is named with its index; nothing is decided', () => {
    spec
      .given(frames)
      .when(bulk(line('m1', 600_000), line('m2', 500_000), line('m3', 0), line('m4', 400_000)))
      .thenViolatesExactly([
        ['R18', 'lines[1].amounts[0].amount'],
        ['money', 'lines[2].amounts[0].amount'],
      ]);
  });

  it('a line decided already is a conflict named by its index; an empty batch is refused', () => {
    spec
      .given(decided(frames, line('m1', 1)))
      .when(bulk(line('m1', 1), line('m2', 1)))
      .thenViolatesExactly([['conflict', 'lines[0]']]);
    spec
      .given(frames)
      .when({ type: 'DecideAllocations', lines: [] })
      .thenViolatesExactly([['bulk', 'lines']]);
  });

  it('R12: a line departing from the recommendation needs its own reason', () => {
    const rec = { basis: 'recommendation' as const, recommendationId: 'r1', lines: [{ year: 2028, amount: 300_000 }] };
    spec
      .given(frames)
      .when(bulk({ ...line('m1', 300_000), recommendation: rec }, { ...line('m2', 1), recommendation: rec }))
      .thenViolatesExactly([['R12', 'lines[1].deviationReason']]);
  });
});
