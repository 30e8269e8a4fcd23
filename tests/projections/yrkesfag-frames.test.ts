import { yrkesfagFramesProjection } from '#libs/yrkesfag';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('yrkesfag projection: frames');
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
    title: measureId,
    provider: { kind: 'company', orgNumber: '974600951', name: 'x' },
    targetGroups: ['instructors'],
    programmeAreas: ['EL'],
    needIds: [],
    amount,
  });

describe.each(backends)('yrkesfag read model: frames on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(yrkesfagFramesProjection, backend);
  });
  afterAll(async () => spec.close());

  it('a year: frame adjusted, paid in parts, planned by measures then the plan, spent, claimed and repaid; version follows the stream', async () => {
    await spec
      .given([
        frameSet,
        ev('YrkesfagFrameAdjusted', { year: 2027, previousAmount: 1_000_000, amount: 1_100_000, reason: 'budget' }),
        ev('YrkesfagForumMemberJoined', {
          memberId: 'F1',
          orgNumber: null,
          name: 'LO',
          category: 'employee_organisations',
          joinedOn: '2027-01-10',
        }),
        measure('M1', 400_000),
        measure('M2', 500_000),
        ev('YrkesfagPlanAdopted', {
          year: 2027,
          revision: 1,
          adoptedOn: '2027-02-15',
          lines: [
            { measureId: 'M1', priority: 1, amount: 600_000 },
            { measureId: 'M2', priority: 2, amount: 500_000 },
          ],
          plannedTotal: 1_100_000,
          reason: null,
        }),
        ev('YrkesfagPaymentMade', { year: 2027, paymentId: 'P1', amount: 600_000, paidOn: '2027-03-01' }),
        ev('YrkesfagPaymentMade', { year: 2027, paymentId: 'P2', amount: 500_000, paidOn: '2027-09-01' }),
        ev('YrkesfagSpendingRecorded', {
          spendingId: 'S1',
          year: 2027,
          measureId: 'M1',
          amount: 900_000,
          spentOn: '2027-10-01',
          participants: { vocational_teachers: 1, instructors: 2, professional_leaders: 3, examination_board_members: 4 },
        }),
        ev('YrkesfagReportDeadlineExtended', { year: 2027, previousDeadline: '2028-01-15', deadline: '2028-02-01', reason: 'r' }),
        ev('YrkesfagReportSubmitted', {
          year: 2027,
          submittedOn: '2028-02-02',
          deadline: '2028-02-01',
          late: true,
          evaluation: 'Bra',
          paid: 1_100_000,
          spent: 900_000,
          unspent: 200_000,
        }),
        ev('YrkesfagRepaymentClaimed', { year: 2027, claimId: 'C1', amount: 200_000, claimedOn: '2028-02-10', reason: 'unspent' }),
        ev('YrkesfagRepaymentSettled', { year: 2027, claimId: 'C1', amount: 150_000, settledOn: '2028-03-01' }),
      ])
      .then(
        `SELECT c.version, f.amount::int AS amount, f.adjustments, f.paid::int AS paid, f.planned::int AS planned, f.spent::int AS spent, f.claimed::int AS claimed, f.repaid::int AS repaid,
           to_char(f.report_deadline, 'YYYY-MM-DD') AS deadline, f.deadline_extensions, to_char(f.report_submitted_on, 'YYYY-MM-DD') AS submitted, f.report_late,
           (SELECT count(*)::int FROM yf_payments) AS payments, (SELECT settled::int FROM yf_claims WHERE claim_id = 'C1') AS settled
         FROM yf_counties c JOIN yf_frames f USING (county)`,
        [],
        [
          {
            version: 13,
            amount: 1_100_000,
            adjustments: 1,
            paid: 1_100_000,
            planned: 1_100_000,
            spent: 900_000,
            claimed: 200_000,
            repaid: 150_000,
            deadline: '2028-02-01',
            deadline_extensions: 1,
            submitted: '2028-02-02',
            report_late: true,
            payments: 2,
            settled: 150_000,
          },
        ],
      );
  });
});
