import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('yrkesfag api');

const COUNTY = '971045698'; // Rogaland fylkeskommune
const STAVANGER = '964965226'; // a municipality: never a YRKESFAG grant holder
const NHO = '974600951';
const FAGSKOLE = '974767880';
const C = `/yrkesfag/counties/${COUNTY}`;
const F = `/yrkesfag/frames/${COUNTY}`;

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const people = (vocational_teachers: number, instructors: number, professional_leaders: number, examination_board_members: number) => ({
  vocational_teachers,
  instructors,
  professional_leaders,
  examination_board_members,
});

describe.each(backends)('YRKESFAG API on %s: one year of Rogaland fylkeskommune', (backend: BackendName) => {
  let api: TestApi;
  let ministry: string;
  let county: string;
  let otherOwner: string;
  let governor: string;
  let last = 0;

  const post = async (path: string, token: string, body: unknown = {}, headers?: Record<string, string>) => {
    const r = await api.post(path, token, body, headers);
    if (r.body?.position) last = Math.max(last, r.body.position);
    return r;
  };
  const get = (path: string, token: string) => api.get(`${path}?minPosition=${last}`, token);

  // What the test itself expects the totals to be.
  const frame2027 = { set: 1_000_000, adjusted: 1_200_000 };
  const measures: Record<string, number> = {};
  const plan: Array<{ measureId: string; priority: number; amount: number }> = [];
  const payments: number[] = [];
  const spending: Array<{ measureId: string; amount: number; participants: ReturnType<typeof people> }> = [];
  const settlements: number[] = [];
  let claimed = 0;

  beforeAll(async () => {
    api = await startTestApi(backend);
    ministry = await api.token({ role: 'ministry', org: '972417750' });
    county = await api.token({ role: 'school_owner', org: COUNTY });
    otherOwner = await api.token({ role: 'school_owner', org: STAVANGER });
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    api.clock.fix('2027-01-05');
    expect(
      (
        await post('/organisations', ministry, {
          orgNumber: COUNTY,
          name: 'Rogaland fylkeskommune',
          kind: 'county_municipality',
          countyNumber: '11',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post('/organisations', ministry, {
          orgNumber: STAVANGER,
          name: 'Stavanger kommune',
          kind: 'municipality',
          municipalityNumber: '1103',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => api.close());

  describe('the frame (R24, R26)', () => {
    it('refuses a frame for a municipality (R24) and a governor setting one (R20): nothing written', async () => {
      const since = await api.head();
      const notCounty = await post('/yrkesfag/frames', ministry, { countyOrg: STAVANGER, year: 2027, amount: 1_000_000 });
      expect(notCounty.status).toBe(422);
      expect(notCounty.body.errors).toEqual([expect.objectContaining({ rule: 'R24', field: 'countyOrg' })]);
      const byGovernor = await post('/yrkesfag/frames', governor, { countyOrg: COUNTY, year: 2027, amount: 1_000_000 });
      expect(byGovernor.status).toBe(403);
      expect(byGovernor.body.errors[0].rule).toBe('R20');
      await api.expectNewEvents(since, []);
    });

    it('Udir sets the 2027 frame (default deadline 15 January 2028) and adjusts it with a reason', async () => {
      const since = await api.head();
      const set = await post('/yrkesfag/frames', ministry, { countyOrg: COUNTY, year: 2027, amount: frame2027.set });
      expect(set.status).toBe(201);
      expect(set.headers.get('location')).toBe(C);
      const adjusted = await post(
        `${F}/2027/adjustments`,
        ministry,
        { amount: frame2027.adjusted, reason: 'Revised national budget' },
        { 'If-Match': '"1"' },
      );
      expect(adjusted.status).toBe(200);
      expect(adjusted.headers.get('etag')).toBe('"2"');
      const [e] = await api.expectNewEvents(since, ['YrkesfagFrameSet', 'YrkesfagFrameAdjusted']);
      expect(e.streamId).toBe(`YrkesfagFrame-${COUNTY}`);
      expect(e.data).toMatchObject({ reportDeadline: '2028-01-15', countyName: 'Rogaland fylkeskommune' });
    });
  });

  describe("the county's forum, needs, measures and plan (R5, R18, R24)", () => {
    it('the county fixes its forum and meets', async () => {
      const since = await api.head();
      const members = [
        { orgNumber: NHO, name: 'NHO Rogaland', category: 'employer_organisations' },
        { name: 'LO Rogaland', category: 'employee_organisations' },
        { name: 'Opplæringskontoret for elektrofag', category: 'training_offices' },
        { name: 'Yrkesopplæringsnemnda', category: 'vocational_boards' },
        { name: 'Utdanningsforbundet Rogaland', category: 'teacher_unions' },
        { name: 'Stavanger offshore tekniske skole', category: 'schools' },
      ];
      for (const m of members) expect((await post(`${C}/forum/members`, county, { ...m, joinedOn: '2027-01-10' })).status).toBe(200);
      const meeting = await post(`${C}/forum/meetings`, county, {
        date: '2027-02-10',
        agenda: ['Plan 2027'],
        minutesSummary: 'Priorities agreed',
        presentMemberIds: ['F1', 'F2', 'F5'],
      });
      expect(meeting.body.meetingId).toBe('MT1');
      await api.expectNewEvents(since, [...members.map(() => 'YrkesfagForumMemberJoined'), 'YrkesfagForumMeetingRecorded']);
      const forum = await get(`${C}/forum`, county);
      expect(forum.body.membersByCategory).toMatchObject({ employer_organisations: 1, teacher_unions: 1, schools: 1, other_invited: 0 });
    });

    it('a need from a training company and two measures; a credit-bearing course is refused (R5)', async () => {
      const need = await post(`${C}/needs`, county, {
        year: 2027,
        fromOrg: NHO,
        source: 'training_company',
        targetGroups: ['instructors', 'professional_leaders'],
        programmeAreas: ['EL', 'TP'],
        description: 'Instructors need supervision skills',
      });
      expect(need.status).toBe(201);
      const base = {
        year: 2027,
        targetGroups: ['instructors', 'professional_leaders'],
        programmeAreas: ['EL'],
        needIds: [need.body.needId],
        creditBearing: false,
      };
      const m1 = await post(`${C}/measures`, county, {
        ...base,
        title: 'Veilederutdanning for instruktører',
        provider: { kind: 'vocational_college', orgNumber: FAGSKOLE, name: 'Fagskolen Rogaland' },
        amount: 500_000,
      });
      const m2 = await post(`${C}/measures`, county, {
        ...base,
        title: 'Nettverk for prøvenemnder',
        targetGroups: ['examination_board_members'],
        provider: { kind: 'county_municipality' },
        amount: 300_000,
      });
      expect([m1.status, m2.status]).toEqual([201, 201]);
      measures[m1.body.measureId] = 500_000;
      measures[m2.body.measureId] = 300_000;
      const since = await api.head();
      const credit = await post(`${C}/measures`, county, {
        ...base,
        title: 'Videreutdanning 30 stp',
        provider: { kind: 'university', orgNumber: '971564679', name: 'UiS' },
        amount: 1,
        creditBearing: true,
      });
      expect(credit.status).toBe(422);
      expect(credit.body.errors).toEqual([expect.objectContaining({ rule: 'R5', field: 'creditBearing' })]);
      await api.expectNewEvents(since, []);
    });

    it('R18: two concurrent measures that together exceed the frame: one loses (409 or 422), nothing over the frame', async () => {
      const free = frame2027.adjusted - sum(Object.values(measures));
      const body = (title: string) => ({
        year: 2027,
        title,
        targetGroups: ['vocational_teachers'],
        programmeAreas: ['HO'],
        creditBearing: false,
        provider: { kind: 'trade_body', orgNumber: NHO, name: 'NHO' },
        amount: 300_000,
      });
      expect(300_000 * 2).toBeGreaterThan(free);
      const since = await api.head();
      const both = await Promise.all([post(`${C}/measures`, county, body('A')), post(`${C}/measures`, county, body('B'))]);
      const won = both.filter((r) => r.status === 201);
      const lost = both.filter((r) => r.status !== 201);
      expect(won).toHaveLength(1);
      expect([409, 422]).toContain(lost[0].status);
      if (lost[0].status === 422) expect(lost[0].body.errors).toEqual([expect.objectContaining({ rule: 'R18', field: 'amount' })]);
      measures[won[0].body.measureId] = 300_000;
      await api.expectNewEvents(since, ['YrkesfagMeasureRecorded']);
      const view = await get(C, ministry);
      expect(view.body.years[0].planned).toBe(sum(Object.values(measures)));
      expect(view.body.years[0].planned).toBeLessThanOrEqual(frame2027.adjusted);
    });

    it('R18: a plan over the frame is refused; the plan within it prioritises and splits the money', async () => {
      const ids = Object.keys(measures);
      const since = await api.head();
      const over = await post(`${C}/plans/2027`, county, {
        lines: ids.map((measureId, i) => ({ measureId, priority: i + 1, amount: 400_001 })),
      });
      expect(over.status).toBe(422);
      expect(over.body.errors).toEqual([expect.objectContaining({ rule: 'R18', field: 'lines' })]);
      await api.expectNewEvents(since, []);
      plan.push(
        { measureId: ids[0], priority: 1, amount: 600_000 },
        { measureId: ids[2], priority: 2, amount: 300_000 },
        { measureId: ids[1], priority: 3, amount: 250_000 },
      );
      const adopted = await post(`${C}/plans/2027`, county, { lines: plan });
      expect(adopted.status).toBe(200);
      expect(adopted.body.revision).toBe(1);
      for (const l of plan) measures[l.measureId] = l.amount;
    });

    it('R20: a governor and another school owner get 403 on county commands; nothing written', async () => {
      const since = await api.head();
      const needBody = {
        year: 2027,
        fromOrg: NHO,
        source: 'school',
        targetGroups: ['instructors'],
        programmeAreas: ['EL'],
        description: 'x',
      };
      for (const token of [governor, otherOwner, ministry]) {
        const r = await post(`${C}/needs`, token, needBody);
        expect(r.status).toBe(403);
        expect(r.body.errors[0].rule).toBe('R20');
      }
      const pay = await post(`${F}/2027/payments`, governor, { amount: 1, paidOn: '2027-03-01' });
      expect(pay.status).toBe(403);
      expect(pay.body.errors[0].rule).toBe('R20');
      await api.expectNewEvents(since, []);
    });
  });

  describe('payments, spending and the report (R15, R16, R18, R26)', () => {
    it('Udir pays in parts, never above the frame (R18)', async () => {
      for (const [amount, paidOn] of [
        [700_000, '2027-03-01'],
        [450_000, '2027-09-01'],
      ] as const) {
        const r = await post(`${F}/2027/payments`, ministry, { amount, paidOn });
        expect(r.status).toBe(200);
        payments.push(amount);
      }
      const since = await api.head();
      const over = await post(`${F}/2027/payments`, ministry, { amount: frame2027.adjusted - sum(payments) + 1, paidOn: '2027-10-01' });
      expect(over.status).toBe(422);
      expect(over.body.errors).toEqual([expect.objectContaining({ rule: 'R18', field: 'amount' })]);
      await api.expectNewEvents(since, []);
    });

    it('the county records its spending per measure and the participants per target group', async () => {
      const [a, b, c] = plan.map((l) => l.measureId);
      spending.push(
        { measureId: a, amount: 580_000, participants: people(4, 35, 12, 0) },
        { measureId: b, amount: 290_000, participants: people(20, 0, 0, 0) },
        { measureId: c, amount: 200_000, participants: people(0, 0, 0, 18) },
      );
      for (const s of spending) expect((await post(`${C}/spending`, county, { ...s, spentOn: '2027-11-15' })).status).toBe(201);
    });

    it('R26/R15: an extended deadline; once it passes the report is overdue and payments of a later year are blocked', async () => {
      expect((await post('/yrkesfag/frames', ministry, { countyOrg: COUNTY, year: 2028, amount: 900_000 })).status).toBe(201);
      expect(
        (await post(`${F}/2027/report-deadline-extensions`, ministry, { deadline: '2028-01-31', reason: 'New accounting system' })).status,
      ).toBe(200);
      api.clock.fix('2028-01-20');
      expect((await get(C, county)).body.obligations).toEqual([
        { year: 2027, reportDeadline: '2028-01-31', status: 'due' },
        { year: 2028, reportDeadline: '2029-01-15', status: 'due' },
      ]);
      api.clock.fix('2028-02-05');
      const view = await get(C, county);
      expect(view.body.obligations[0]).toEqual({ year: 2027, reportDeadline: '2028-01-31', status: 'overdue' });
      expect(view.body.paymentsBlocked).toBe(true);
      const since = await api.head();
      const blocked = await post(`${F}/2028/payments`, ministry, { amount: 100_000, paidOn: '2028-02-05' });
      expect(blocked.status).toBe(422);
      expect(blocked.body.errors).toEqual([expect.objectContaining({ rule: 'R15', field: 'year' })]);
      await api.expectNewEvents(since, []);
    });

    it('the late report is accepted and marked late; then payments go on', async () => {
      const r = await post(`${C}/reports/2027`, county, { evaluation: 'Instructors in EL and TP reached; HO next year.' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ late: true, unspent: sum(payments) - sum(spending.map((s) => s.amount)) });
      expect((await post(`${F}/2028/payments`, ministry, { amount: 100_000, paidOn: '2028-02-06' })).status).toBe(200);
    });

    it('R16: unspent money is claimed back and settled in parts, each its own event; a claim over the unspent is refused', async () => {
      const unspent = sum(payments) - sum(spending.map((s) => s.amount));
      const since = await api.head();
      const claim = await post(`${F}/2027/repayment-claims`, ministry, {
        amount: unspent,
        claimedOn: '2028-02-10',
        reason: 'Unspent after the 2027 report',
      });
      expect(claim.status).toBe(201);
      claimed = unspent;
      const over = await post(`${F}/2027/repayment-claims`, ministry, { amount: 1, claimedOn: '2028-02-11', reason: 'again' });
      expect(over.status).toBe(422);
      expect(over.body.errors[0].rule).toBe('R16');
      for (const amount of [50_000, unspent - 50_000]) {
        expect(
          (await post(`${F}/2027/repayment-claims/${claim.body.claimId}/settlements`, ministry, { amount, settledOn: '2028-03-01' }))
            .status,
        ).toBe(200);
        settlements.push(amount);
      }
      await api.expectNewEvents(since, ['YrkesfagRepaymentClaimed', 'YrkesfagRepaymentSettled', 'YrkesfagRepaymentSettled']);
    });
  });

  describe("the views: the county's own, Udir's of every county (R20)", () => {
    const expected2027 = () => {
      const paid = sum(payments);
      const spent = sum(spending.map((s) => s.amount));
      return {
        year: 2027,
        frame: frame2027.adjusted,
        adjustments: 1,
        paid,
        unpaid: frame2027.adjusted - paid,
        planned: sum(plan.map((l) => l.amount)),
        spent,
        unspent: paid - spent,
        claimed,
        repaid: sum(settlements),
        outstanding: claimed - sum(settlements),
        reportDeadline: '2028-01-31',
        deadlineExtensions: 1,
        reportStatus: 'submitted_late',
        reportSubmittedOn: '2028-02-05',
      };
    };

    it("the county sees its frame, money and obligations; the ETag is the stream's version", async () => {
      const r = await get(C, county);
      expect(r.status).toBe(200);
      expect(r.headers.get('etag')).toBe(`"${r.body.version}"`);
      const [y2027, y2028] = r.body.years;
      expect(y2027).toMatchObject(expected2027());
      expect(y2027.payments.map((p: { amount: number }) => p.amount)).toEqual(payments);
      expect(y2028).toMatchObject({ year: 2028, frame: 900_000, paid: 100_000, planned: 0, reportStatus: 'due' });
      const e = expected2027();
      expect(r.body.totals).toEqual({
        frame: e.frame + 900_000,
        paid: e.paid + 100_000,
        planned: e.planned,
        spent: e.spent,
        unspent: e.unspent + 100_000,
        claimed,
        repaid: e.repaid,
        outstanding: 0,
      });
      expect(r.body.obligations).toEqual([{ year: 2028, reportDeadline: '2029-01-15', status: 'due' }]);
      expect(r.body.paymentsBlocked).toBe(false);
    });

    it("the county's plan: measures by priority with money, spending and participants per target group", async () => {
      const r = await get(`${C}/plans/2027`, county);
      expect(
        r.body.measures.map((m: { measureId: string; amount: number; priority: number; spent: number }) => [
          m.measureId,
          m.amount,
          m.priority,
          m.spent,
        ]),
      ).toEqual(
        plan.map((l) => [l.measureId, l.amount, l.priority, sum(spending.filter((s) => s.measureId === l.measureId).map((s) => s.amount))]),
      );
      expect(r.body).toMatchObject({ planned: sum(plan.map((l) => l.amount)), spent: sum(spending.map((s) => s.amount)), planRevision: 1 });
      const total = people(0, 0, 0, 0);
      for (const s of spending) for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += s.participants[k];
      expect(r.body.participants).toEqual(total);
      expect(r.body.needs).toHaveLength(1);
    });

    it('the evaluation export has the county as grant holder, one row per measure × year, with the same totals', async () => {
      const e = expected2027();
      const r = await api.get(`/exports/evaluation?format=json&year=2027&scheme=YRKESFAG&minPosition=${last}`, ministry);
      expect(r.status).toBe(200);
      const rows = r.body as Array<Record<string, unknown>>;
      expect(rows.map((x) => x.measureId).sort()).toEqual(plan.map((l) => l.measureId).sort());
      for (const row of rows) {
        expect(row).toMatchObject({
          scheme: 'YRKESFAG',
          year: 2027,
          recipientOrg: COUNTY,
          recipientName: 'Rogaland fylkeskommune',
          recipientKind: 'county_municipality',
          decisionStatus: 'active',
        });
        const line = plan.find((l) => l.measureId === row.measureId)!;
        expect(row.granted).toBe(line.amount);
        expect(row.spent).toBe(sum(spending.filter((x) => x.measureId === row.measureId).map((x) => x.amount)));
      }
      const total = (key: string) => sum(rows.map((x) => Number(x[key])));
      expect(total('granted')).toBe(e.planned);
      expect(total('paid')).toBe(e.paid);
      expect(total('spent')).toBe(e.spent);
      expect(total('unspent')).toBe(e.unspent);
      expect(total('repaid')).toBe(e.repaid);
      expect(rows.every((x) => x.reportSubmittedOn === '2028-02-05' && x.reportLate === true)).toBe(true);
    });

    it("the 360Giving file holds the county's measures as grants to the county municipality", async () => {
      const r = await api.get(`/exports/evaluation?format=360giving&year=2027&scheme=YRKESFAG&minPosition=${last}`, ministry);
      expect(r.status).toBe(200);
      const grants = (r.body as { grants: Array<{ amountAwarded: number; recipientOrganization: Array<{ name: string }> }> }).grants;
      expect(grants).toHaveLength(plan.length);
      expect(sum(grants.map((g) => g.amountAwarded))).toBe(expected2027().planned);
      expect(grants.every((g) => g.recipientOrganization[0].name === 'Rogaland fylkeskommune')).toBe(true);
    });

    it("Udir sees every county's (list and one) with the same totals", async () => {
      const list = await get('/yrkesfag/counties', ministry);
      expect(list.body.map((c: { county: string }) => c.county)).toEqual([COUNTY]);
      expect(list.body[0].years[0]).toMatchObject(expected2027());
      expect((await get(C, ministry)).body.totals).toEqual(list.body[0].totals);
    });

    it('R20: another school owner and a governor see nothing of it', async () => {
      expect((await get(C, otherOwner)).status).toBe(403);
      expect((await get(`${C}/plans/2027`, otherOwner)).status).toBe(403);
      expect((await get('/yrkesfag/counties', otherOwner)).body).toEqual([]);
      for (const path of [C, '/yrkesfag/counties', `${C}/forum`]) {
        const r = await get(path, governor);
        expect(r.status).toBe(403);
        expect(r.body.errors[0].rule).toBe('R20');
      }
    });
  });
});
