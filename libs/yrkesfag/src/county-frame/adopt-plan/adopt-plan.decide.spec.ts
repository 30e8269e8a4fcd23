import { COUNTY, frameSet, measured, spec } from '../county-frame.spec-fixtures.js';
import type { AdoptPlan } from './adopt-plan.decide.js';

const plan = (lines: AdoptPlan['lines'], reason: string | null = null): AdoptPlan => ({
  type: 'AdoptPlan',
  year: 2027,
  lines,
  today: '2027-02-15',
  reason,
});
const given = [frameSet(), measured('M1', 300_000), measured('M2', 300_000)];

describe("the county's yearly plan (R18, R24)", () => {
  it('Given two measures, When the plan prioritises and splits the money, Then YrkesfagPlanAdopted in priority order', () => {
    spec
      .given(given)
      .when(
        plan([
          { measureId: 'M1', priority: 2, amount: 400_000 },
          { measureId: 'M2', priority: 1, amount: 600_000 },
        ]),
      )
      .then([
        {
          type: 'YrkesfagPlanAdopted',
          data: {
            county: COUNTY,
            year: 2027,
            revision: 1,
            adoptedOn: '2027-02-15',
            lines: [
              { measureId: 'M2', priority: 1, amount: 600_000 },
              { measureId: 'M1', priority: 2, amount: 400_000 },
            ],
            plannedTotal: 1_000_000,
            reason: null,
          },
        },
      ]);
  });

  it('R18: a plan over the frame is refused', () => {
    spec
      .given(given)
      .when(
        plan([
          { measureId: 'M1', priority: 1, amount: 500_001 },
          { measureId: 'M2', priority: 2, amount: 500_000 },
        ]),
      )
      .thenViolatesExactly([['R18', 'lines']]);
  });

  it('R24: every measure of the year once, with distinct priorities; R21: a revision needs a reason', () => {
    spec
      .given(given)
      .when(
        plan([
          { measureId: 'M1', priority: 1, amount: 1 },
          { measureId: 'M1', priority: 1, amount: 1 },
        ]),
      )
      .thenViolatesExactly([
        ['R24', 'lines[1].measureId'],
        ['R24', 'lines[1].priority'],
        ['R24', 'lines'],
      ]);
    const first = spec
      .given(given)
      .when(
        plan([
          { measureId: 'M1', priority: 1, amount: 1 },
          { measureId: 'M2', priority: 2, amount: 1 },
        ]),
      )
      .events();
    spec
      .given([...given, ...first])
      .when(
        plan([
          { measureId: 'M1', priority: 1, amount: 2 },
          { measureId: 'M2', priority: 2, amount: 2 },
        ]),
      )
      .thenViolatesExactly([['R21', 'reason']]);
    const [revised] = spec
      .given([...given, ...first])
      .when(
        plan(
          [
            { measureId: 'M1', priority: 1, amount: 2 },
            { measureId: 'M2', priority: 2, amount: 2 },
          ],
          'forum met again',
        ),
      )
      .events();
    expect(revised.data).toMatchObject({ revision: 2, reason: 'forum met again' });
  });
});
