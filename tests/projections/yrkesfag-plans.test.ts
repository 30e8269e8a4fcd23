import { yrkesfagPlansProjection } from '#libs/yrkesfag';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('yrkesfag projection: plans');
const COUNTY = '971045698';
const S = `YrkesfagFrame-${COUNTY}`;
const ev = (type: string, data: Record<string, unknown>) => ({ type, streamId: S, data: { county: COUNTY, ...data } });

const frameSet = ev('YrkesfagFrameSet', {
  countyName: 'Rogaland fylkeskommune',
  year: 2027,
  amount: 1_000_000,
  reportDeadline: '2028-01-15',
  ruleSetVersion: 'yrkesfag-2021.1',
});
const measure = (measureId: string, amount: number) =>
  ev('YrkesfagMeasureRecorded', {
    measureId,
    year: 2027,
    title: `Tiltak ${measureId}`,
    provider: { kind: 'county_municipality', orgNumber: COUNTY, name: 'Rogaland fylkeskommune' },
    targetGroups: ['instructors'],
    programmeAreas: ['EL', 'TP'],
    needIds: ['N1'],
    amount,
  });
const spent = (spendingId: string, measureId: string, amount: number, instructors: number) =>
  ev('YrkesfagSpendingRecorded', {
    spendingId,
    year: 2027,
    measureId,
    amount,
    spentOn: '2027-10-01',
    participants: { vocational_teachers: 1, instructors, professional_leaders: 0, examination_board_members: 2 },
  });

describe.each(backends)('yrkesfag read model: plans on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(yrkesfagPlansProjection, backend);
  });
  afterAll(async () => spec.close());

  it('measures take the plan’s money and priority; spending and participants add up per measure', async () => {
    await spec
      .given([
        frameSet,
        ev('YrkesfagNeedRecorded', {
          needId: 'N1',
          year: 2027,
          fromOrg: '974600951',
          source: 'school',
          targetGroups: ['vocational_teachers'],
          programmeAreas: ['EL'],
          description: 'd',
        }),
        measure('M1', 300_000),
        measure('M2', 300_000),
        ev('YrkesfagPlanAdopted', {
          year: 2027,
          revision: 1,
          adoptedOn: '2027-02-15',
          lines: [
            { measureId: 'M2', priority: 1, amount: 700_000 },
            { measureId: 'M1', priority: 2, amount: 200_000 },
          ],
          plannedTotal: 900_000,
          reason: null,
        }),
        spent('S1', 'M2', 400_000, 5),
        spent('S2', 'M2', 250_000, 7),
      ])
      .then(
        `SELECT m.measure_id, m.amount::int AS amount, m.priority, m.provider_org, COALESCE(sum(s.amount), 0)::int AS spent, COALESCE(sum(s.instructors), 0)::int AS instructors,
           (SELECT version FROM yfp_counties) AS version, (SELECT planned_total::int FROM yfp_plans) AS plan_total
         FROM yfp_measures m LEFT JOIN yfp_spending s USING (county, measure_id) GROUP BY m.measure_id, m.amount, m.priority, m.provider_org ORDER BY m.priority`,
        [],
        [
          {
            measure_id: 'M2',
            amount: 700_000,
            priority: 1,
            provider_org: COUNTY,
            spent: 650_000,
            instructors: 12,
            version: 7,
            plan_total: 900_000,
          },
          {
            measure_id: 'M1',
            amount: 200_000,
            priority: 2,
            provider_org: COUNTY,
            spent: 0,
            instructors: 0,
            version: 7,
            plan_total: 900_000,
          },
        ],
      );
  });

  it('the forum over time: a departure keeps the member with its date and reason (R21)', async () => {
    await spec
      .given([
        frameSet,
        ev('YrkesfagForumMemberJoined', {
          memberId: 'F1',
          orgNumber: null,
          name: 'Utdanningsforbundet',
          category: 'teacher_unions',
          joinedOn: '2027-01-10',
        }),
        ev('YrkesfagForumMemberLeft', { memberId: 'F1', leftOn: '2027-06-30', reason: 'withdrew' }),
        ev('YrkesfagForumMeetingRecorded', {
          meetingId: 'MT1',
          date: '2027-02-10',
          agenda: ['Plan'],
          minutesSummary: 'ok',
          present: ['F1'],
        }),
      ])
      .then(
        `SELECT m.member_id, m.category, to_char(m.left_on, 'YYYY-MM-DD') AS left_on, m.left_reason, mt.present FROM yfp_members m CROSS JOIN yfp_meetings mt`,
        [],
        [{ member_id: 'F1', category: 'teacher_unions', left_on: '2027-06-30', left_reason: 'withdrew', present: ['F1'] }],
      );
  });
});
