import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { STAVANGER, startSuite, type Suite } from './letters-appeals.fixture.js';
import { WebhookReceiver } from './webhook-receiver.js';

/**
 * Issue #15, "Done when": a reminder before and after a deadline (R26), through the real job (run now by the
 * ministry's POST /reminders/runs on the service's CLOCK) and the real outbox, to a real webhook receiver on loopback:
 * one `report.due` in the days before, none more when the job runs again (or twice at once), one `report.overdue`
 * the day after, nothing once the report is in. The recipient and its governor office get a grant's reminders;
 * the ministry gets every one, YRKESFAG's too.
 */
const backends = await testBackends('reminders api');

Object.assign(process.env, { WEBHOOK_BACKOFF_MS: '40', WEBHOOK_MAX_BACKOFF_MS: '200', WEBHOOK_POLL_MS: '25' });

const COUNTY = '971045698';
const GRANT = `ROGALAND.DEKOMP.m-r.${STAVANGER}`;

describe.each(backends)('report reminders on %s', (backend: BackendName) => {
  let s: Suite;
  /** A second instance of the service on the same database (its own CLOCK and its own timer). */
  let other: TestApi;
  const receiver = new WebhookReceiver();
  let county = '';
  let last = 0;

  const run = async (api: TestApi = s.api) => {
    const r = await api.post('/reminders/runs', s.tokens.ministry);
    expect(r.status).toBe(200);
    return r.body as { today: string; reports: number; sent: Array<{ reportId: string; kind: string; deadline: string }> };
  };
  /** Runs the job once the to-do read model has every write so far (the job reads it). */
  const runCaughtUp = async () => {
    expect((await s.api.get(`/todos?minPosition=${last}`, s.tokens.ministry)).status).toBe(200);
    return run();
  };
  const kindsAt = (path: string) => receiver.at(path).map((r) => `${r.body.kind} ${r.body.data.reportId}`);
  const subscribe = async (token: string, path: string) => {
    const r = await s.api.post('/webhooks', token, { url: receiver.url + path, kinds: ['report.due', 'report.overdue'] });
    expect(r.status).toBe(201);
    last = Math.max(last, r.body.position);
  };

  beforeAll(async () => {
    await receiver.start();
    s = await startSuite(backend);
    county = await s.api.token({ role: 'school_owner', org: COUNTY });
    const org = await s.api.post('/organisations', s.tokens.ministry, {
      orgNumber: COUNTY,
      name: 'Rogaland fylkeskommune',
      kind: 'county_municipality',
      countyNumber: '11',
    });
    expect(org.status).toBe(201);
    s.api.clock.fix('2028-04-20');
    s.measure('m-r', [STAVANGER], [{ org: STAVANGER, year: 2028, amount: 300_000 }]);
    await s.frame(2028, 1_000_000);
    const decided = await s.decide({ measureId: 'm-r', recipientOrg: STAVANGER, amounts: [{ year: 2028, amount: 300_000 }] });
    expect([decided.status, decided.body.id]).toEqual([201, GRANT]);
    const accepted = await s.api.post(`/grants/${GRANT}/acceptance`, s.tokens.stavanger, {
      coFinancing: [{ year: 2028, money: 90_000, salary: 0, releasedTime: 0 }],
    });
    expect(accepted.status).toBe(200);
    const frame = await s.api.post('/yrkesfag/frames', s.tokens.ministry, {
      countyOrg: COUNTY,
      year: 2028,
      amount: 500_000,
      reportDeadline: '2029-01-15',
    });
    expect(frame.status).toBe(201);
    last = Math.max(accepted.body.position, frame.body.position);
    await subscribe(s.tokens.stavanger, '/owner');
    await subscribe(s.tokens.governor, '/governor');
    await subscribe(s.tokens.agder, '/agder');
    await subscribe(s.tokens.ministry, '/ministry');
    await subscribe(county, '/county');
    other = await startTestApi(backend, {}, { reuse: s.api.handle, keep: true });
  });
  afterAll(async () => {
    await other?.close();
    s?.api.clock.fix(null);
    await s?.api.close();
    await receiver.close();
  });

  it('only the ministry runs the job now', async () => {
    expect((await s.api.post('/reminders/runs', s.tokens.governor)).status).toBe(403);
  });

  it('Given the day 15 days before the deadline, When the job runs, Then nothing is due yet', async () => {
    s.api.clock.fix('2028-12-31');
    const since = await s.api.head();
    expect(await runCaughtUp()).toEqual({ today: '2028-12-31', reports: 0, sent: [] });
    await s.api.expectNewEvents(since, []);
  });

  it('Given the day fixed 13 days before the deadline, When the job runs, Then one report.due per report; run again, none more', async () => {
    s.api.clock.fix('2029-01-02');
    const since = await s.api.head();
    const first = await runCaughtUp();
    expect(first.sent.map((r) => `${r.kind} ${r.reportId} ${r.deadline}`).sort()).toEqual([
      `due ${GRANT}.2028 2029-01-15`,
      `due YRKESFAG.${COUNTY}.2028 2029-01-15`,
    ]);
    const events = await s.api.expectNewEvents(since, ['ReportReminderSent', 'ReportReminderSent']);
    expect(events.map((e) => e.streamId).sort()).toEqual([`ReportReminders-${GRANT}.2028`, `ReportReminders-YRKESFAG.${COUNTY}.2028`]);

    const again = await run();
    expect(again.sent).toEqual([]);
    await s.api.expectNewEvents(since, ['ReportReminderSent', 'ReportReminderSent']);

    await receiver.waitFor(() => receiver.at('/ministry').length >= 2 && receiver.at('/county').length >= 1, 'the due reminders');
    await receiver.waitFor(() => receiver.at('/owner').length >= 1 && receiver.at('/governor').length >= 1, 'the due reminders');
    expect(kindsAt('/owner')).toEqual([`report.due ${GRANT}.2028`]);
    expect(receiver.at('/owner')[0].body).toMatchObject({
      kind: 'report.due',
      event: 'ReportReminderSent',
      data: { grantId: GRANT, recipientOrg: STAVANGER, office: 'ROGALAND', deadline: '2029-01-15', daysLeft: 13, kind: 'due' },
    });
    expect(kindsAt('/governor')).toEqual([`report.due ${GRANT}.2028`]);
    expect(kindsAt('/county')).toEqual([`report.due YRKESFAG.${COUNTY}.2028`]);
    expect(kindsAt('/ministry').sort()).toEqual([`report.due ${GRANT}.2028`, `report.due YRKESFAG.${COUNTY}.2028`]);
  });

  it('Given the day after the deadline, When the job runs in two service instances at once, Then one report.overdue per report', async () => {
    s.api.clock.fix('2029-01-16');
    other.clock.fix('2029-01-16');
    const since = await s.api.head();
    for (const api of [s.api, other]) expect((await api.get(`/todos?minPosition=${last}`, s.tokens.ministry)).status).toBe(200);
    const [a, b, c] = await Promise.all([run(), run(other), run(other)]);
    expect([...a.sent, ...b.sent, ...c.sent].map((r) => `${r.kind} ${r.reportId}`).sort()).toEqual([
      `overdue ${GRANT}.2028`,
      `overdue YRKESFAG.${COUNTY}.2028`,
    ]);
    await s.api.expectNewEvents(since, ['ReportReminderSent', 'ReportReminderSent']);
    await receiver.waitFor(() => receiver.at('/owner').length >= 2 && receiver.at('/ministry').length >= 4, 'the overdue reminders');
    await receiver.waitFor(() => receiver.at('/governor').length >= 2 && receiver.at('/county').length >= 2, 'the overdue reminders');
    expect(kindsAt('/owner')).toEqual([`report.due ${GRANT}.2028`, `report.overdue ${GRANT}.2028`]);
    expect(kindsAt('/governor')).toEqual([`report.due ${GRANT}.2028`, `report.overdue ${GRANT}.2028`]);
    expect(kindsAt('/county')).toEqual([`report.due YRKESFAG.${COUNTY}.2028`, `report.overdue YRKESFAG.${COUNTY}.2028`]);
    expect(receiver.at('/agder')).toEqual([]);
  });

  it('Given the deadline extended (R26) and the report then submitted, When the job runs before and after the new deadline, Then no more reminders', async () => {
    const extended = await s.api.post(`/grants/${GRANT}/report-deadline-extensions`, s.tokens.governor, {
      year: 2028,
      deadline: '2029-03-01',
      reason: 'Sick leave in the finance office',
    });
    expect(extended.status).toBe(200);
    const report = await s.api.post(`/grants/${GRANT}/reports`, s.tokens.stavanger, {
      year: 2028,
      spent: 0,
      unspent: 0,
      coFinancingProvided: { money: 90_000, salary: 0, releasedTime: 0 },
      participants: [{ role: 'teacher', count: 30 }],
      evaluation: 'Done.',
    });
    expect(report.status).toBe(200);
    last = report.body.position;
    const since = await s.api.head();
    for (const day of ['2029-02-20', '2029-03-02']) {
      s.api.clock.fix(day);
      const r = await runCaughtUp();
      // Only YRKESFAG's report is still open (and reminded already).
      expect([day, r.reports, r.sent]).toEqual([day, 1, []]);
    }
    await s.api.expectNewEvents(since, []);
    expect(receiver.at('/owner')).toHaveLength(2);
  });
});
