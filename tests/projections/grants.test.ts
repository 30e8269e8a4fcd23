import { grantsProjection } from '#libs/grants';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('projection grants');

const LEDGER = 'FrameLedger-ROGALAND-DEKOMP';
const GRANT = 'ROGALAND.DEKOMP.m1.964965226';
const base = { grantId: GRANT, office: 'ROGALAND', scheme: 'DEKOMP', recipientOrg: '964965226' };
const frameSet = (year: number, amount: number) => ({
  type: 'FrameSet',
  data: { office: 'ROGALAND', scheme: 'DEKOMP', year, amount },
  streamId: LEDGER,
});
/** Stored before the co-financing minimum was carried in the lines (schema v1): read through the upcaster. */
const decided = {
  type: 'AllocationDecided',
  streamId: LEDGER,
  data: {
    ...base,
    decisionYear: 2028,
    callId: 'rogaland-dekomp-2028',
    measureId: 'm1',
    recipientKind: 'municipality',
    lines: [
      { year: 2028, amount: 100_001, reportDeadline: '2029-01-15', recommended: null },
      { year: 2029, amount: 200_000, reportDeadline: '2030-01-15', recommended: null },
    ],
    basis: 'no_recommendation',
    recommendationId: null,
    deviates: false,
    deviationReason: null,
    decidedOn: '2028-04-20',
    decisionDate: '2028-04-30',
    ruleSetVersion: 'dekomp-2021.1',
    warnings: [],
  },
};
const amended = {
  type: 'AllocationAmended',
  streamId: LEDGER,
  data: {
    ...base,
    previousLines: decided.data.lines,
    lines: [{ year: 2028, amount: 150_000, reportDeadline: '2029-01-15', recommended: null }],
    basis: 'no_recommendation',
    recommendationId: null,
    deviates: false,
    reason: 'the second year is not planned',
    amendedOn: '2028-05-01',
    ruleSetVersion: 'dekomp-2021.1',
    warnings: [],
  },
};
const accepted = {
  type: 'GrantAccepted',
  streamId: `Grant-${GRANT}`,
  data: {
    ...base,
    coFinancing: [{ year: 2028, money: 45_000, salary: 0, releasedTime: 0, committed: 45_000, required: 45_000 }],
    acceptedOn: '2028-05-10',
  },
};
const paid = {
  type: 'GrantPaymentRecorded',
  streamId: `Grant-${GRANT}`,
  data: { ...base, paymentId: 'p1', year: 2028, amount: 100_000, paidOn: '2028-06-01' },
};

const GRANT_ROW = `SELECT grant_id, status, amendments, decision_changes + grant_version AS version, ledger_version, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on FROM gr_grants`;
const YEARS = `SELECT year, decided::float8 AS decided, co_fin_required::float8 AS required, co_fin_committed::float8 AS committed, paid::float8 AS paid, active FROM gr_grant_years ORDER BY year`;

describe.each(backends)('grants read model on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(grantsProjection, backend);
  });
  afterAll(async () => spec.close());

  it('Given frames, Then one row per office, scheme and year with the ledger version', async () => {
    await spec.given([frameSet(2028, 1_000_000), frameSet(2029, 800_000)]).then(
      'SELECT office, scheme, year, amount::float8 AS amount, ledger_version FROM gr_frames ORDER BY year',
      [],
      [
        { office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 1_000_000, ledger_version: 1 },
        { office: 'ROGALAND', scheme: 'DEKOMP', year: 2029, amount: 800_000, ledger_version: 2 },
      ],
    );
  });

  it('Given a decision stored without the co-financing minimum, Then each year has ceil(30 %) of its amount (R7)', async () => {
    await spec.given([frameSet(2028, 1_000_000), decided]).then(
      YEARS,
      [],
      [
        { year: 2028, decided: 100_001, required: 30_001, committed: null, paid: 0, active: true },
        { year: 2029, decided: 200_000, required: 60_000, committed: null, paid: 0, active: true },
      ],
    );
  });

  it("Given a decision, an amendment, acceptance and a payment, Then the grant's version counts the ledger's changes and its own stream's", async () => {
    await spec
      .given([frameSet(2028, 1_000_000), decided, amended, accepted, paid])
      .then(
        GRANT_ROW,
        [],
        [{ grant_id: GRANT, status: 'active', amendments: 1, version: 4, ledger_version: 3, accepted_on: '2028-05-10' }],
      );
    await spec.given([frameSet(2028, 1_000_000), decided, amended, accepted, paid]).then(
      YEARS,
      [],
      [
        { year: 2028, decided: 150_000, required: 45_000, committed: 45_000, paid: 100_000, active: true },
        { year: 2029, decided: 0, required: 0, committed: null, paid: 0, active: true },
      ],
    );
  });

  it('Given a revocation, Then the grant is revoked, its years inactive and the revocation counts in its version', async () => {
    const revoked = {
      type: 'AllocationRevoked',
      streamId: LEDGER,
      data: { ...base, reason: 'withdrawn', revokedOn: '2028-06-01', warnings: [] },
    };
    await spec
      .given([frameSet(2028, 1_000_000), decided, revoked])
      .then(
        `SELECT status, decision_changes + grant_version AS version, revocation_reason FROM gr_grants`,
        [],
        [{ status: 'revoked', version: 2, revocation_reason: 'withdrawn' }],
      );
  });
});
