import { appealsProjection } from '#libs/grants';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('projection appeals');

const GRANT = 'ROGALAND.DEKOMP.m1.964965226';
const ID = `${GRANT}.1.930000014`;
const stream = `Appeal-${ID}`;
const lodged = {
  type: 'AppealLodged',
  streamId: stream,
  data: {
    appealId: ID,
    grantId: GRANT,
    office: 'ROGALAND',
    scheme: 'DEKOMP',
    callId: 'rogaland-dekomp-2028',
    measureId: 'm1',
    recipientOrg: '964965226',
    appellantOrg: '930000014',
    standing: 'owner',
    requested: 200_000,
    granted: 0,
    letter: { n: 1, kind: 'decision', date: '2028-04-20', caseNumber: '2028/DEKOMP-1' },
    grounds: 'we got nothing',
    lodgedOn: '2028-05-20',
    deadline: '2028-05-11',
    late: true,
  },
};
const ROWS = `SELECT appeal_id, status, governor_outcome, udir_outcome, remedy_grant_id, to_char(deadline, 'YYYY-MM-DD') AS deadline, late, version FROM ap_appeals`;

describe.each(backends)('appeals read model on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(appealsProjection, backend);
  });
  afterAll(async () => spec.close());

  it('Given a lodged appeal, Then one open row with its deadline and lateness (R23)', async () => {
    await spec.given([lodged]).then(
      ROWS,
      [],
      [
        {
          appeal_id: ID,
          status: 'lodged',
          governor_outcome: null,
          udir_outcome: null,
          remedy_grant_id: null,
          deadline: '2028-05-11',
          late: true,
          version: 1,
        },
      ],
    );
  });

  it('Given upheld, forwarded and partly reversed by Udir, Then the outcomes, the remedy and the version', async () => {
    const remedy = { grantId: 'ROGALAND.DEKOMP.m1.930000014', kind: 'decision', lines: [{ year: 2028, amount: 150_000 }], position: 9 };
    await spec
      .given([
        lodged,
        {
          type: 'AppealReconsidered',
          streamId: stream,
          data: {
            appealId: ID,
            office: 'ROGALAND',
            outcome: 'upheld',
            reason: 'fair',
            lateReason: 'address',
            remedy: null,
            reconsideredOn: '2028-05-25',
          },
        },
        { type: 'AppealForwarded', streamId: stream, data: { appealId: ID, office: 'ROGALAND', to: 'UDIR', forwardedOn: '2028-05-25' } },
        {
          type: 'AppealDecided',
          streamId: stream,
          data: {
            appealId: ID,
            office: 'ROGALAND',
            by: 'UDIR',
            outcome: 'partly_reversed',
            reason: 'owed',
            remedy,
            decidedOn: '2028-08-15',
          },
        },
      ])
      .then(
        ROWS,
        [],
        [
          {
            appeal_id: ID,
            status: 'partly_reversed',
            governor_outcome: 'upheld',
            udir_outcome: 'partly_reversed',
            remedy_grant_id: remedy.grantId,
            deadline: '2028-05-11',
            late: true,
            version: 4,
          },
        ],
      );
  });
});
