import type { Role } from '#libs/kernel';
import { todoItemsFor, todosProjection, type ListContext, type TodoItem } from '#libs/worklists';
import { createTestDatabase, testBackends, type BackendName, type TestDatabase } from '../support/backends.js';
import { projectionSpec, storedEvents, type GivenEvent } from '../support/projection-spec.js';

const backends = await testBackends('projection todos');

const STAVANGER = '964965226';
const SANDNES = '964965137';
const UIS = '971564679';
const TROMS = '974761319';
const CALL = 'rogaland-dekomp-2028';
const GRANT = `ROGALAND.DEKOMP.m-1.${STAVANGER}`;
const NA = 'NeedsAssessment-a-1';
const LEDGER = 'FrameLedger-ROGALAND-DEKOMP';

const callOpened: GivenEvent = {
  type: 'CallOpened',
  streamId: `Call-${CALL}`,
  data: {
    callId: CALL,
    office: 'ROGALAND',
    scheme: 'DEKOMP',
    year: 2028,
    title: 'Behovsmelding 2028',
    deadline: '2028-02-01',
    decisionDate: '2028-04-30',
    ruleSetVersion: 'dekomp-2021.1',
  },
};
const na = (type: string, data: Record<string, unknown>): GivenEvent => ({ type, streamId: NA, data: { assessmentId: 'a-1', ...data } });
const drafted = na('NeedsAssessmentDrafted', {
  callId: CALL,
  office: 'ROGALAND',
  scheme: 'DEKOMP',
  year: 2028,
  leadOwner: STAVANGER,
  title: 'Jæren-nettverket',
  summary: '',
  ruleSetVersion: 'dekomp-2021.1',
});
const measure = {
  measureId: 'm-1',
  title: 'Lesing i alle fag',
  description: 'd',
  targetGroup: 'lærere',
  schools: ['Hundvåg skole'],
  participants: { teachers: 40, leaders: 4, otherStaff: 2 },
  startYear: 2028,
  spanYears: 1,
  university: { org: UIS, local: true },
  replacedUniversities: [],
  lines: {},
};
const line = (year: number, amount: number, reportDeadline = `${year + 1}-01-15`) => ({
  year,
  amount,
  reportDeadline,
  recommended: null,
  coFinancingRequired: Math.ceil((30 * amount) / 100),
});
const decided: GivenEvent = {
  type: 'AllocationDecided',
  streamId: LEDGER,
  data: {
    grantId: GRANT,
    office: 'ROGALAND',
    scheme: 'DEKOMP',
    decisionYear: 2028,
    callId: CALL,
    measureId: 'm-1',
    recipientOrg: STAVANGER,
    recipientKind: 'municipality',
    lines: [line(2028, 400_000)],
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
const base = { grantId: GRANT, office: 'ROGALAND', scheme: 'DEKOMP', recipientOrg: STAVANGER };
const grantEvent = (type: string, data: Record<string, unknown>): GivenEvent => ({
  type,
  streamId: `Grant-${GRANT}`,
  data: { ...base, ...data },
});
const accepted = grantEvent('GrantAccepted', { coFinancing: [], acceptedOn: '2028-05-02' });
const reported = (missing: number | null) =>
  grantEvent('GrantReportSubmitted', {
    year: 2028,
    spent: 0,
    unspent: 0,
    coFinancingProvided: { money: 0, salary: 0, releasedTime: 0, total: 0 },
    coFinancingRequired: 120_000,
    coFinancingShortfall: missing === null ? null : { required: 120_000, documented: 120_000 - missing, missing },
    participants: [],
    evaluation: 'ok',
    teacherEducationFeedback: null,
    submittedOn: '2029-01-20',
    deadline: '2029-01-15',
    late: true,
    warnings: [],
  });

const registered: GivenEvent = {
  type: 'OrganisationRegistered',
  streamId: `Organisation-${STAVANGER}`,
  data: {
    orgNumber: STAVANGER,
    name: 'Stavanger kommune',
    kind: 'municipality',
    municipalityNumber: '1103',
    countyNumber: '11',
    office: 'ROGALAND',
  },
};

const owner = (org: string, today: string): ListContext => ({ org, office: null, today, leadDays: 14 });
const governor = (today: string): ListContext => ({ org: '974763230', office: 'ROGALAND', today, leadDays: 14 });
const kinds = (items: TodoItem[]) => items.map((i) => i.kind);

describe.each(backends)('to-dos read model on %s', (backend: BackendName) => {
  let db: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => db.drop());

  /** Given events, Then the role's list on the context's day (applied one by one, as the engine does, in a fresh schema). */
  async function listAfter(events: GivenEvent[], role: Role, c: ListContext): Promise<TodoItem[]> {
    const schema = `rm_todos_spec_${++n}`;
    const stored = storedEvents(events).filter((e) => todosProjection.handles.includes(e.type));
    return db.client.transaction(async (tx) => {
      await tx.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET LOCAL search_path TO ${schema}, public;`);
      await tx.exec(todosProjection.schema);
      for (const e of stored) await todosProjection.apply(e, tx);
      return todoItemsFor(tx, role, c);
    });
  }

  it('R10: Given a network owner invited, Then it confirms its part (due by the call deadline); confirmed, gone; a later change asks again', async () => {
    const invited = [callOpened, drafted, na('NetworkOwnerInvited', { org: SANDNES, revision: 2 })];
    expect(await listAfter(invited, 'school_owner', owner(SANDNES, '2028-01-10'))).toEqual([
      {
        kind: 'confirm_network_part',
        about: { assessmentId: 'a-1', title: 'Jæren-nettverket', callId: CALL, revision: 2 },
        due: '2028-02-01',
        overdue: false,
        link: '/needs-assessments/a-1/confirmations',
      },
    ]);
    const confirmed = [...invited, na('OwnerPartConfirmed', { org: SANDNES, revision: 2 })];
    expect(await listAfter(confirmed, 'school_owner', owner(SANDNES, '2028-01-10'))).toEqual([]);
    const changed = [...confirmed, na('MeasureAdded', { measure, revision: 3, warnings: [] })];
    expect((await listAfter(changed, 'school_owner', owner(SANDNES, '2028-02-02')))[0]).toMatchObject({
      kind: 'confirm_network_part',
      about: { revision: 3 },
      overdue: true,
    });
    // The lead confirms by submitting: never on its own list.
    expect(await listAfter(changed, 'school_owner', owner(STAVANGER, '2028-01-10'))).toEqual([]);
    // Submitted with every part confirmed, then changed for an amendment: confirm again; withdrawn: nothing.
    const submitted = [
      ...changed,
      na('OwnerPartConfirmed', { org: SANDNES, revision: 3 }),
      na('NeedsAssessmentSubmitted', { late: false }),
    ];
    expect(await listAfter(submitted, 'school_owner', owner(SANDNES, '2028-02-10'))).toEqual([]);
    const revised = [
      ...submitted,
      na('MeasureRevised', { measureId: 'm-1', measure: { ...measure, title: 'Lesing' }, revision: 4, warnings: [] }),
    ];
    expect(kinds(await listAfter(revised, 'school_owner', owner(SANDNES, '2028-02-10')))).toEqual(['confirm_network_part']);
    expect(
      await listAfter([...revised, na('NeedsAssessmentWithdrawn', { reason: 'x' })], 'school_owner', owner(SANDNES, '2028-02-10')),
    ).toEqual([]);
  });

  it('R3: Given a measure naming a university, Then it answers the request; answered (or the assessment withdrawn), gone', async () => {
    const requested = [callOpened, drafted, na('MeasureAdded', { measure, revision: 2, warnings: [] })];
    expect(await listAfter(requested, 'university', owner(UIS, '2028-01-10'))).toEqual([
      {
        kind: 'answer_partnership',
        about: {
          measureId: 'm-1',
          measureTitle: 'Lesing i alle fag',
          assessmentId: 'a-1',
          leadOwner: STAVANGER,
          leadOwnerName: null,
          callId: CALL,
        },
        due: null,
        overdue: false,
        link: '/partnerships/m-1',
      },
    ]);
    const committed = { type: 'PartnershipCommitted', streamId: `Partnership-m-1-${UIS}`, data: { measureId: 'm-1', university: UIS } };
    expect(await listAfter([...requested, committed], 'university', owner(UIS, '2028-01-10'))).toEqual([]);
    expect(
      await listAfter([...requested, na('NeedsAssessmentWithdrawn', { reason: 'x' })], 'university', owner(UIS, '2028-01-10')),
    ).toEqual([]);
  });

  it('R7, R22: Given a decision, Then accept, commit the co-financing and the appeal window (three weeks from the letter); accepted, only the window; after three weeks, nothing', async () => {
    const events = [callOpened, drafted, na('MeasureAdded', { measure, revision: 2, warnings: [] }), decided];
    const about = { grantId: GRANT, measureId: 'm-1', measureTitle: 'Lesing i alle fag', callId: CALL };
    expect(await listAfter(events, 'school_owner', owner(STAVANGER, '2028-04-21'))).toEqual([
      {
        kind: 'appeal_window',
        about: { grantId: GRANT, letter: 1, letterKind: 'decision', letterDate: '2028-04-20', measureTitle: 'Lesing i alle fag' },
        due: '2028-05-11',
        overdue: false,
        link: '/appeals',
      },
      { kind: 'accept_grant', about, due: null, overdue: false, link: `/grants/${GRANT}/acceptance` },
      {
        kind: 'commit_co_financing',
        about: { ...about, coFinancingRequired: 120_000 },
        due: null,
        overdue: false,
        link: `/grants/${GRANT}/acceptance`,
      },
    ]);
    expect(kinds(await listAfter([...events, accepted], 'school_owner', owner(STAVANGER, '2028-05-11')))).toEqual(['appeal_window']);
    expect(await listAfter([...events, accepted], 'school_owner', owner(STAVANGER, '2028-05-12'))).toEqual([]);
    const appealed = {
      type: 'AppealLodged',
      streamId: 'Appeal-x',
      data: {
        appealId: `${GRANT}.1.${STAVANGER}`,
        grantId: GRANT,
        office: 'ROGALAND',
        appellantOrg: STAVANGER,
        letter: { n: 1 },
        lodgedOn: '2028-04-25',
        late: false,
      },
    };
    expect(await listAfter([...events, accepted, appealed], 'school_owner', owner(STAVANGER, '2028-04-26'))).toEqual([]);
    expect(kinds(await listAfter([...events, accepted, appealed], 'governor', governor('2028-04-26')))).toEqual(['reconsider_appeal']);
  });

  it('R15, R26: Given an accepted grant, Then the report shows 14 days before its deadline, overdue after it (the governor and the ministry see it overdue); submitted, gone', async () => {
    const events = [registered, callOpened, decided, accepted];
    expect(kinds(await listAfter(events, 'school_owner', owner(STAVANGER, '2028-12-31')))).toEqual([]);
    expect(await listAfter(events, 'school_owner', owner(STAVANGER, '2029-01-01'))).toEqual([
      {
        kind: 'submit_report',
        about: {
          ...{ reportId: `${GRANT}.2028`, scheme: 'DEKOMP', year: 2028, recipientOrg: STAVANGER, recipientName: 'Stavanger kommune' },
          ...{ grantId: GRANT, measureTitle: null },
        },
        due: '2029-01-15',
        overdue: false,
        link: `/grants/${GRANT}/reports`,
      },
    ]);
    expect((await listAfter(events, 'school_owner', owner(STAVANGER, '2029-01-16')))[0]).toMatchObject({
      kind: 'submit_report',
      overdue: true,
    });
    expect(kinds(await listAfter(events, 'governor', governor('2029-01-15')))).toEqual([]);
    expect(kinds(await listAfter(events, 'governor', governor('2029-01-16')))).toEqual(['report_overdue']);
    const ministry = await listAfter(events, 'ministry', { ...owner('972417750', '2029-01-16') });
    expect(ministry.filter((i) => i.kind === 'office_reports_overdue')).toEqual([
      {
        kind: 'office_reports_overdue',
        about: { office: 'ROGALAND', officeName: 'Statsforvalteren i Rogaland', reports: 1, reportIds: [`${GRANT}.2028`] },
        due: '2029-01-15',
        overdue: true,
        link: '/governor/overview?office=ROGALAND',
      },
    ]);
    expect(await listAfter([...events, reported(null)], 'school_owner', owner(STAVANGER, '2029-01-20'))).toEqual([]);
  });

  it('R26: an office deadline and a recipient extension move the report (and what is overdue)', async () => {
    const set = {
      type: 'ReportDeadlineSet',
      streamId: LEDGER,
      data: { office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, previousDeadline: '2029-01-15', deadline: '2029-02-01', reason: 'r' },
    };
    const events = [callOpened, decided, accepted, set];
    expect(kinds(await listAfter(events, 'governor', governor('2029-01-20')))).toEqual([]);
    const extended = {
      type: 'ReportDeadlineExtended',
      streamId: LEDGER,
      data: {
        grantId: GRANT,
        office: 'ROGALAND',
        scheme: 'DEKOMP',
        recipientOrg: STAVANGER,
        year: 2028,
        previousDeadline: '2029-02-01',
        deadline: '2029-03-01',
        reason: 'r',
      },
    };
    expect((await listAfter([...events, extended], 'school_owner', owner(STAVANGER, '2029-02-20')))[0]).toMatchObject({
      kind: 'submit_report',
      due: '2029-03-01',
      overdue: false,
    });
  });

  it('R7: a report documenting too little co-financing is a shortfall for the governor until it claims back', async () => {
    const events = [callOpened, decided, accepted, reported(20_000)];
    expect(await listAfter(events, 'governor', governor('2029-01-20'))).toEqual([
      {
        kind: 'co_financing_shortfall',
        about: { grantId: GRANT, year: 2028, recipientOrg: STAVANGER, recipientName: null, coFinancingMissing: 20_000 },
        due: null,
        overdue: false,
        link: `/grants/${GRANT}/repayment-claims`,
      },
    ]);
    const claim = grantEvent('RepaymentClaimed', { claimId: 'c1', year: 2028, amount: 10_000, reason: 'R7', claimedOn: '2029-02-01' });
    expect(kinds(await listAfter([...events, claim], 'governor', governor('2029-02-02')))).toEqual([]);
    // The claim is a letter (R22): the recipient's appeal window opens.
    expect(kinds(await listAfter([...events, claim], 'school_owner', owner(STAVANGER, '2029-02-02')))).toEqual(['appeal_window']);
  });

  it('R14, R13: the governor reviews a call until its decision date, then decides past it; an open draft names its missing parts', async () => {
    const submitted = [
      callOpened,
      drafted,
      na('MeasureAdded', { measure, revision: 2, warnings: [] }),
      na('NeedsAssessmentSubmitted', { late: true }),
    ];
    const about = { callId: CALL, title: 'Behovsmelding 2028', assessments: 1, late: 1, undecidedMeasures: ['m-1'] };
    expect(await listAfter(submitted, 'governor', governor('2028-04-30'))).toEqual([
      { kind: 'review_inbox', about, due: '2028-04-30', overdue: false, link: `/needs-assessments/inbox?callId=${CALL}` },
    ]);
    expect(await listAfter(submitted, 'governor', governor('2028-05-01'))).toEqual([
      { kind: 'decide_past_decision_date', about, due: '2028-04-30', overdue: true, link: '/grants' },
    ]);
    expect(kinds(await listAfter([...submitted, decided], 'governor', governor('2028-05-01')))).toEqual([]);
    const draft = (type: string, data: Record<string, unknown>): GivenEvent => ({
      type,
      streamId: 'RecommendationDraft-r',
      data: { recommendationId: 'r', ...data },
    });
    const started = draft('RecommendationDraftStarted', {
      forumId: 'f',
      office: 'ROGALAND',
      callId: CALL,
      meetingId: 'mt',
      outcome: 'consensus',
      vote: null,
      note: null,
    });
    const added = draft('RecommendationDraftMeasuresAdded', {
      measures: [{ measureId: 'm-1', participants: '40 lærere', startYear: 2028, spanYears: 1, cooperatingOwners: [STAVANGER] }],
    });
    const items = await listAfter([...submitted, decided, started, added], 'governor', governor('2028-05-01'));
    expect(items).toEqual([
      {
        kind: 'complete_recommendation',
        about: {
          recommendationId: 'r',
          callId: CALL,
          measures: 1,
          missingParts: [{ measureId: 'm-1', missing: ['criteria', 'cooperatingUniversities', 'amounts'] }],
        },
        due: null,
        overdue: false,
        link: '/recommendation-drafts/r',
      },
    ]);
    const published = draft('RecommendationDraftPublished', { revision: 1, measures: 1 });
    expect(await listAfter([...submitted, decided, started, added, published], 'governor', governor('2028-05-01'))).toEqual([]);
  });

  it('the ministry: every office without a frame for a year that has frames, and YRKESFAG reports past their deadline', async () => {
    const frame = { type: 'FrameSet', streamId: LEDGER, data: { office: 'ROGALAND', scheme: 'DEKOMP', year: 2028, amount: 1 } };
    const yrkesfag = (type: string, data: Record<string, unknown>): GivenEvent => ({
      type,
      streamId: `YrkesfagFrame-${TROMS}`,
      data: { county: TROMS, year: 2028, ...data },
    });
    const set = yrkesfag('YrkesfagFrameSet', {
      countyName: 'Troms fylkeskommune',
      amount: 1,
      reportDeadline: '2029-03-01',
      ruleSetVersion: 'y',
    });
    const items = await listAfter([frame, set], 'ministry', owner('972417750', '2029-03-02'));
    const frames = items.filter((i) => i.kind === 'set_frame');
    expect(frames).toHaveLength(9);
    expect(frames.map((i) => i.about.office)).not.toContain('ROGALAND');
    expect(frames[0]).toMatchObject({ about: { scheme: 'DEKOMP', year: 2028 }, link: '/frames' });
    expect(items.filter((i) => i.kind !== 'set_frame')).toEqual([
      {
        kind: 'report_overdue',
        about: {
          reportId: `YRKESFAG.${TROMS}.2028`,
          scheme: 'YRKESFAG',
          year: 2028,
          recipientOrg: TROMS,
          recipientName: 'Troms fylkeskommune',
        },
        due: '2029-03-01',
        overdue: true,
        link: `/yrkesfag/counties/${TROMS}/reports/2028`,
      },
    ]);
    // The county municipality's own list: its report, due.
    expect(kinds(await listAfter([set], 'school_owner', owner(TROMS, '2029-02-20')))).toEqual(['submit_report']);
    const submitted = yrkesfag('YrkesfagReportSubmitted', {
      submittedOn: '2029-03-02',
      deadline: '2029-03-01',
      late: true,
      evaluation: 'e',
      paid: 0,
      spent: 0,
      unspent: 0,
    });
    expect(
      kinds(await listAfter([frame, set, submitted], 'ministry', owner('972417750', '2029-03-03'))).filter((k) => k !== 'set_frame'),
    ).toEqual([]);
  });

  it('the tables: a grant, its report and its letters, as projectionSpec applies them', async () => {
    const spec = await projectionSpec(todosProjection, backend);
    try {
      await spec
        .given([
          decided,
          accepted,
          grantEvent('RepaymentClaimed', { claimId: 'c1', year: null, amount: 1, reason: 'r', claimedOn: '2028-09-01' }),
        ])
        .then(
          `SELECT g.grant_id, g.accepted, g.co_financing_required::int AS required, r.report_id, to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
             (SELECT string_agg(l.n || ':' || l.kind, ',' ORDER BY l.n) FROM wl_letters l WHERE l.grant_id = g.grant_id) AS letters
           FROM wl_grants g JOIN wl_reports r ON r.grant_id = g.grant_id`,
          [],
          [
            {
              grant_id: GRANT,
              accepted: true,
              required: 120_000,
              report_id: `${GRANT}.2028`,
              deadline: '2029-01-15',
              letters: '1:decision,2:repayment_claim',
            },
          ],
        );
    } finally {
      await spec.close();
    }
  });
});
