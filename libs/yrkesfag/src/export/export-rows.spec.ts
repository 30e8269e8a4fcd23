import { COUNTY, frameSet, measured, paid, spentOn } from '../county-frame/county-frame.spec-fixtures.js';
import type { YrkesfagEvent } from '../county-frame/county-frame.aggregate.js';
import { yrkesfagExportRows } from './export-rows.js';
import { splitByWeights } from './largest-remainder.js';

describe('YRKESFAG evaluation-export rows (R24: the county municipality is the grant holder)', () => {
  const plan: YrkesfagEvent = {
    type: 'YrkesfagPlanAdopted',
    data: {
      county: COUNTY,
      year: 2027,
      revision: 1,
      adoptedOn: '2027-02-15',
      lines: [
        { measureId: 'M1', priority: 1, amount: 600_000 },
        { measureId: 'M2', priority: 2, amount: 300_000 },
      ],
      plannedTotal: 900_000,
      reason: null,
    },
  };
  const events: YrkesfagEvent[] = [
    frameSet(),
    measured('M1', 500_000),
    measured('M2', 400_000),
    plan,
    paid(500_000),
    paid(400_001, 2027, 2),
    spentOn('M1', 600_000),
    spentOn('M2', 200_000, 'S2'),
    {
      type: 'YrkesfagRepaymentClaimed',
      data: { county: COUNTY, year: 2027, claimId: 'C1', amount: 100_001, claimedOn: '2028-02-01', reason: 'unspent' },
    },
    { type: 'YrkesfagRepaymentSettled', data: { county: COUNTY, year: 2027, claimId: 'C1', amount: 100_001, settledOn: '2028-03-01' } },
  ];

  it('one row per measure × year: planned from the plan, paid split pro rata (adding up exactly), spent, unspent, repaid', () => {
    const rows = yrkesfagExportRows(events);
    expect(
      rows.map((r) => [r.grantHolderOrg, r.grantHolderKind, r.year, r.measureId, r.planned, r.paid, r.spent, r.unspent, r.repaid]),
    ).toEqual([
      [COUNTY, 'county_municipality', 2027, 'M1', 600_000, 600_001, 600_000, 1, 1],
      [COUNTY, 'county_municipality', 2027, 'M2', 300_000, 300_000, 200_000, 100_000, 100_000],
    ]);
    expect(rows.reduce((s, r) => s + r.paid, 0)).toBe(900_001);
    expect(rows.reduce((s, r) => s + r.repaid, 0)).toBe(100_001);
    expect(rows[0]).toMatchObject({
      scheme: 'YRKESFAG',
      grantHolderName: 'Rogaland fylkeskommune',
      providerKind: 'vocational_college',
      participants: { instructors: 10 },
      reportSubmittedOn: null,
    });
  });

  it('largest remainder: parts add up to the total; no weights, no money', () => {
    expect(splitByWeights(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeights(10, [0, 0])).toEqual([0, 0]);
    expect(splitByWeights(7, [2, 0, 5])).toEqual([2, 0, 5]);
  });
});
