import { frameUse } from '../frame-ledger.rules.js';
import { decided, frame, spec } from '../frame-ledger.fixtures.js';
import type { LedgerCommand } from '../frame-ledger.aggregate.js';
import type { ImportRow } from './import-commitments.decide.js';

const row = (over: Partial<ImportRow> = {}): ImportRow => ({
  ...{
    grantId: 'ROGALAND.DEKOMP.imp-1.964965226',
    measureId: 'imp-1',
    recipientOrg: '964965226',
    recipientKind: 'municipality',
    measureTitle: 'Lesing',
  },
  ...{
    caseNumber: '2027/12',
    decisionDate: '2027-04-28',
    lines: [
      { year: 2027, amount: 100_000 },
      { year: 2028, amount: 300_000 },
    ],
  },
  ...over,
});
const imp = (...rows: ImportRow[]): LedgerCommand => ({
  type: 'ImportCommitments',
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  rows,
  today: '2028-02-01',
});
const frames = [frame(2028, 1_000_000)];

describe('import commitments decided before Dekomp (R9)', () => {
  it('marked imported; the later years are commitments on their frames; a re-run of the same rows writes nothing', () => {
    const events = decided(frames, imp(row()));
    expect(events[1]).toMatchObject({
      type: 'CommitmentImported',
      data: {
        imported: true,
        decisionYear: 2027,
        caseNumber: '2027/12',
        lines: [{ year: 2027 }, { year: 2028, coFinancingRequired: 90_000 }],
      },
    });
    expect(frameUse(spec.given(events).state, 2028)).toMatchObject({ committedEarlier: 300_000, free: 700_000 });
    spec.given(events).when(imp(row())).then([]);
  });

  it('every bad row is named: mod-11, not registered, a year outside the span, a future date, twice, other amounts, over a frame', () => {
    const events = decided(frames, imp(row()));
    spec
      .given(events)
      .when(
        imp(
          row({ grantId: 'g1', recipientOrg: '964965227' }),
          row({ grantId: 'g2', recipientKind: null }),
          row({ grantId: 'g3', lines: [{ year: 2030, amount: 1 }] }),
          row({ grantId: 'g4', decisionDate: '2028-03-01' }),
          row({ lines: [{ year: 2028, amount: 1 }] }),
          row({ grantId: 'g5', lines: [{ year: 2028, amount: 700_001 }] }),
        ),
      )
      .thenViolatesExactly([
        ['R19', 'rows[0].recipientOrg'],
        ['R19', 'rows[1].recipientOrg'],
        ['R9', 'rows[2].amounts[0].year'],
        ['import', 'rows[3].decisionDate'],
        ['import', 'rows[4].amounts'],
        ['R18', 'rows[5].amounts[0].amount'],
      ]);
  });
});
