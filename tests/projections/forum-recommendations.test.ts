import { forumProjection } from '#libs/forum';
import { testBackends, type BackendName } from '../support/backends.js';
import { projectionSpec } from '../support/projection-spec.js';

const backends = await testBackends('forum projection: recommendations');
const ID = 'rogaland-11--rogaland-dekomp-2027';
const S = `Recommendation-${ID}`;
const STAVANGER = '964965226';
const UIS = '971564679';

const body = (revision: number, amount: number) => ({
  recommendationId: ID,
  forumId: 'rogaland-11',
  office: 'ROGALAND',
  callId: 'rogaland-dekomp-2027',
  revision,
  meetingId: 'MT1',
  meetingDate: '2027-03-10',
  presentMembers: 5,
  outcome: 'consensus',
  vote: null,
  note: null,
  warnings: [],
  measures: [
    {
      priority: 1,
      measureId: 'DK27-1',
      participants: 'p',
      startYear: 2027,
      spanYears: 2,
      criteria: 'c',
      cooperatingOwners: [STAVANGER],
      cooperatingUniversities: [UIS],
      amounts: [{ recipientOrg: STAVANGER, year: 2027, amount }],
    },
  ],
});
const recorded = { type: 'RecommendationRecorded', streamId: S, data: body(1, 400_000) };
const amended = { type: 'RecommendationAmended', streamId: S, data: { ...body(2, 450_000), reason: 'corrected' } };
const published = { type: 'RecommendationPublished', streamId: S, data: { recommendationId: ID, office: 'ROGALAND', revision: 2 } };
const withdrawn = { type: 'RecommendationWithdrawn', streamId: S, data: { recommendationId: ID, revision: 2, reason: 'wrong call' } };

describe.each(backends)('forum read model: recommendations on %s', (backend: BackendName) => {
  let spec: Awaited<ReturnType<typeof projectionSpec>>;
  beforeAll(async () => {
    spec = await projectionSpec(forumProjection, backend);
  });
  afterAll(async () => spec.close());

  it('recorded, amended, published: the current revision, its status and its version (the ETag)', async () => {
    await spec
      .given([recorded, amended, published])
      .then(
        `SELECT recommendation_id, revision, status, published, measures->0->'amounts'->0->>'amount' AS amount, version FROM forum_recommendations`,
        [],
        [{ recommendation_id: ID, revision: 2, status: 'published', published: true, amount: '450000', version: 3 }],
      );
  });

  it('every revision stays readable with the reason of each amendment (R21)', async () => {
    await spec.given([recorded, amended]).then(
      `SELECT revision, kind, reason FROM forum_recommendation_revisions ORDER BY revision`,
      [],
      [
        { revision: 1, kind: 'recorded', reason: null },
        { revision: 2, kind: 'amended', reason: 'corrected' },
      ],
    );
  });

  it('the organisations a recommendation names (R20 visibility)', async () => {
    await spec.given([recorded]).then(`SELECT org FROM forum_recommendation_parties ORDER BY org`, [], [{ org: STAVANGER }, { org: UIS }]);
  });

  it('withdrawn with a reason; recorded anew it starts unpublished again', async () => {
    await spec
      .given([recorded, published, withdrawn])
      .then(
        `SELECT status, withdrawal_reason, version FROM forum_recommendations`,
        [],
        [{ status: 'withdrawn', withdrawal_reason: 'wrong call', version: 3 }],
      );
    await spec
      .given([recorded, published, withdrawn, { ...recorded, data: body(3, 100_000) }])
      .then(
        `SELECT revision, status, published, withdrawal_reason, published_at, version FROM forum_recommendations`,
        [],
        [{ revision: 3, status: 'recorded', published: false, withdrawal_reason: null, published_at: null, version: 4 }],
      );
  });
});
