import { testBackends, type BackendName } from '../support/backends.js';
import { KLEPP, letterBytes, pdfText, SANDNES, startSuite, STAVANGER, type Suite } from './letters-appeals.fixture.js';

const backends = await testBackends('appeals api');

describe.each(backends)('appeals (R23) on %s', (backend: BackendName) => {
  let s: Suite;
  const netGrant = `ROGALAND.DEKOMP.net.${STAVANGER}`;
  const kleppGrant = `ROGALAND.DEKOMP.kl.${KLEPP}`;
  const timely = `${netGrant}.1.${STAVANGER}`;
  const late = `${netGrant}.1.${SANDNES}`;
  const read = (path: string, token: string, position: number) =>
    s.api.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, token);

  beforeAll(async () => {
    s = await startSuite(backend);
    s.api.clock.fix('2028-02-01');
    expect((await s.api.post('/calls', s.tokens.governor, { scheme: 'DEKOMP', year: 2028, title: 'Dekomp 2028' })).status).toBe(201);
    s.api.clock.fix('2028-04-20');
    await s.frame(2028, 1_000_000);
    s.measure(
      'net',
      [STAVANGER, SANDNES],
      [
        { org: STAVANGER, year: 2028, amount: 400_000 },
        { org: SANDNES, year: 2028, amount: 200_000 },
      ],
      'Lesing i nettverk',
    );
    s.measure('kl', [KLEPP], [{ org: KLEPP, year: 2028, amount: 300_000 }], 'Klasseledelse');
    expect((await s.decide({ measureId: 'net', recipientOrg: STAVANGER, amounts: [{ year: 2028, amount: 300_000 }] })).status).toBe(201);
    expect((await s.decide({ measureId: 'kl', recipientOrg: KLEPP, amounts: [{ year: 2028, amount: 100_000 }] })).status).toBe(201);
  });
  afterAll(async () => {
    s.api.clock.fix(null);
    await s.api.close();
  });

  describe('lodging', () => {
    it('the recipient appeals within three weeks: timely (201, Location)', async () => {
      s.api.clock.fix('2028-05-02');
      const since = await s.api.head();
      const r = await s.api.post('/appeals', s.tokens.stavanger, { grantId: netGrant, grounds: 'the network needs the full 400 000' });
      expect(r.status).toBe(201);
      expect(r.headers.get('location')).toBe(`/appeals/${timely}`);
      const [e] = await s.api.expectNewEvents(since, ['AppealLodged']);
      expect(e.data).toMatchObject({
        appealId: timely,
        standing: 'recipient',
        letter: { n: 1, kind: 'decision', date: '2028-04-20' },
        deadline: '2028-05-11',
        late: false,
        lodgedOn: '2028-05-02',
      });
      expect(e.metadata).toMatchObject({ actor: { role: 'school_owner', org: STAVANGER }, reason: 'the network needs the full 400 000' });
    });

    it('an owner of the measure that got nothing appeals after the deadline: accepted, registered as late', async () => {
      s.api.clock.fix('2028-05-20');
      const since = await s.api.head();
      const r = await s.api.post('/appeals', s.tokens.sandnes, {
        grantId: netGrant,
        letter: 1,
        grounds: 'Sandnes is an owner of the measure and got nothing',
      });
      expect(r.status).toBe(201);
      const [e] = await s.api.expectNewEvents(since, ['AppealLodged']);
      expect(e.data).toMatchObject({
        appealId: late,
        standing: 'owner',
        requested: 200_000,
        granted: 0,
        late: true,
        deadline: '2028-05-11',
      });
    });

    it('bad input writes nothing: no party (403), missing decision or letter (404), twice on the same step (409)', async () => {
      const since = await s.api.head();
      const notParty = await s.api.post('/appeals', s.tokens.uis, { grantId: netGrant, grounds: 'we wanted to take part' });
      expect(notParty.status).toBe(403);
      expect(notParty.body.errors).toEqual([expect.objectContaining({ rule: 'R20' })]);
      expect((await s.api.post('/appeals', s.tokens.governor, { grantId: netGrant, grounds: 'x' })).status).toBe(403);
      expect((await s.api.post('/appeals', s.tokens.klepp, { grantId: netGrant, grounds: 'not our measure' })).status).toBe(403);
      expect(
        (await s.api.post('/appeals', s.tokens.stavanger, { grantId: `ROGALAND.DEKOMP.none.${STAVANGER}`, grounds: 'x' })).status,
      ).toBe(404);
      expect((await s.api.post('/appeals', s.tokens.stavanger, { grantId: netGrant, letter: 7, grounds: 'x' })).status).toBe(404);
      expect((await s.api.post('/appeals', s.tokens.stavanger, { grantId: netGrant, grounds: 'again' })).status).toBe(409);
      expect((await s.api.post('/appeals', s.tokens.stavanger, { grantId: netGrant })).status).toBe(400);
      await s.api.expectNewEvents(since, []);
    });
  });

  describe("the governor's reconsideration", () => {
    it("another office's governor is refused (403), nothing written", async () => {
      const since = await s.api.head();
      const r = await s.api.post(`/appeals/${timely}/reconsideration`, s.tokens.agder, { outcome: 'upheld', reason: 'x' });
      expect(r.status).toBe(403);
      expect((await s.api.post(`/appeals/${timely}/decision`, s.tokens.governor, { outcome: 'upheld', reason: 'x' })).status).toBe(403);
      expect(
        (
          await s.api.post(`/appeals/ROGALAND.DEKOMP.net.${STAVANGER}.5.${STAVANGER}/reconsideration`, s.tokens.governor, {
            outcome: 'upheld',
            reason: 'x',
          })
        ).status,
      ).toBe(404);
      await s.api.expectNewEvents(since, []);
    });

    it('a partial reversal amends the grant on the frame (R18) and issues its new letter', async () => {
      s.api.clock.fix('2028-05-25');
      const since = await s.api.head();
      const r = await s.api.post(`/appeals/${timely}/reconsideration`, s.tokens.governor, {
        outcome: 'partly_reversed',
        reason: 'a second school is funded',
        amounts: [{ year: 2028, amount: 350_000 }],
      });
      expect(r.status).toBe(200);
      expect(r.body.remedy).toEqual({ grantId: netGrant, kind: 'amendment', letter: `/grants/${netGrant}/letters/2` });
      const [amended, reconsidered] = await s.api.expectNewEvents(since, ['AllocationAmended', 'AppealReconsidered']);
      expect(amended.data).toMatchObject({
        grantId: netGrant,
        lines: [{ year: 2028, amount: 350_000 }],
        reason: 'a second school is funded',
      });
      expect(reconsidered.data).toMatchObject({
        outcome: 'partly_reversed',
        remedy: { grantId: netGrant, kind: 'amendment', position: amended.globalPosition },
      });
      expect(reconsidered.metadata).toMatchObject({ actor: { role: 'governor' }, reason: 'a second school is funded' });
      const letter = await pdfText((await letterBytes(s.api, `/grants/${netGrant}/letters/2`, s.tokens.stavanger)).bytes);
      expect(letter).toContain('Vedtak om endring av tilskudd');
      expect(letter).toContain('350 000 kr');
      expect(letter).toContain('klagefristen 15. juni 2028');
      const told = await pdfText((await letterBytes(s.api, `/appeals/${timely}/letters/1`, s.tokens.stavanger)).bytes);
      expect(told).toContain('tar klagen delvis til følge');
      expect(told).toContain('350 000 kr');
    });

    it('a late appeal is considered only with a reason (422, nothing written); upheld, it goes to Udir', async () => {
      const since = await s.api.head();
      const noReason = await s.api.post(`/appeals/${late}/reconsideration`, s.tokens.governor, {
        outcome: 'upheld',
        reason: 'the frame was shared fairly',
      });
      expect(noReason.status).toBe(422);
      expect(noReason.body.errors).toEqual([expect.objectContaining({ rule: 'R23', field: 'lateReason' })]);
      await s.api.expectNewEvents(since, []);
      const r = await s.api.post(`/appeals/${late}/reconsideration`, s.tokens.governor, {
        outcome: 'upheld',
        reason: 'the frame was shared fairly',
        lateReason: 'the letter went to the wrong address',
      });
      expect(r.status).toBe(200);
      await s.api.expectNewEvents(since, ['AppealReconsidered', 'AppealForwarded']);
      const told = await pdfText((await letterBytes(s.api, `/appeals/${late}/letters/1`, s.tokens.sandnes)).bytes);
      expect(told).toContain('Klagen er derfor sendt til Utdanningsdirektoratet (Udir)');
      const overview = await read('/offices/ROGALAND/appeals', s.tokens.governor, r.body.position);
      expect(overview.body.open).toEqual([
        expect.objectContaining({
          appealId: late,
          status: 'forwarded',
          waitingFor: 'udir',
          deadline: '2028-05-11',
          late: true,
          lodgedOn: '2028-05-20',
          daysOpen: 5,
        }),
      ]);
    });
  });

  describe('Udir decides', () => {
    it('a reversal the frame has no room for is refused (R18, 422), nothing written', async () => {
      const since = await s.api.head();
      const r = await s.api.post(`/appeals/${late}/decision`, s.tokens.ministry, {
        outcome: 'reversed',
        reason: 'Sandnes asked rightly',
        amounts: [{ year: 2028, amount: 600_000 }],
      });
      expect(r.status).toBe(422);
      expect(r.body.errors).toEqual([expect.objectContaining({ rule: 'R18' })]);
      await s.api.expectNewEvents(since, []);
    });

    it('a partial reversal: a new decision for the owner that got nothing, charged to the frame, with its letters', async () => {
      s.api.clock.fix('2028-08-15');
      const since = await s.api.head();
      const r = await s.api.post(`/appeals/${late}/decision`, s.tokens.ministry, {
        outcome: 'partly_reversed',
        reason: 'Sandnes is owed its share',
        amounts: [{ year: 2028, amount: 150_000 }],
      });
      expect(r.status).toBe(200);
      const sandnesGrant = `ROGALAND.DEKOMP.net.${SANDNES}`;
      expect(r.body.remedy).toEqual({ grantId: sandnesGrant, kind: 'decision', letter: `/grants/${sandnesGrant}/letters/1` });
      const [decided] = await s.api.expectNewEvents(since, ['AllocationDecided', 'AppealDecided']);
      expect(decided.data).toMatchObject({
        recipientOrg: SANDNES,
        lines: [{ amount: 150_000, coFinancingRequired: 45_000 }],
        caseNumber: '2028/DEKOMP-3',
        basis: 'no_recommendation',
      });
      expect(decided.metadata).toMatchObject({ actor: { role: 'ministry' }, reason: 'Sandnes is owed its share' });
      const told = await pdfText((await letterBytes(s.api, `/appeals/${late}/letters/2`, s.tokens.sandnes)).bytes);
      expect(told).toContain('Utdanningsdirektoratet har behandlet klagen og tar den delvis til følge');
      expect(told).toContain('endelig og kan ikke påklages');
      expect(await pdfText((await letterBytes(s.api, `/grants/${sandnesGrant}/letters/1`, s.tokens.sandnes)).bytes)).toContain(
        '150 000 kr',
      );
      expect((await s.api.post(`/appeals/${late}/decision`, s.tokens.ministry, { outcome: 'upheld', reason: 'again' })).status).toBe(409);
    });

    it('the governor reverses fully: the owner gets what it asked', async () => {
      const lodged = await s.api.post('/appeals', s.tokens.klepp, { grantId: kleppGrant, grounds: 'we asked 300 000' });
      expect(lodged.status).toBe(201);
      const r = await s.api.post(`/appeals/${lodged.body.id}/reconsideration`, s.tokens.governor, {
        outcome: 'reversed',
        reason: 'the request was well founded',
        lateReason: 'considered on its merits',
      });
      expect(r.status).toBe(200);
      const grant = await read(`/grants/${kleppGrant}`, s.tokens.klepp, r.body.position);
      expect(grant.body.years).toEqual([expect.objectContaining({ year: 2028, decided: 300_000 })]);
    });
  });

  describe('who sees an appeal (R20) and where the steps show', () => {
    it('the appellant sees its appeal with every step; another party does not', async () => {
      const r = await s.api.get(`/appeals/${late}`, s.tokens.sandnes);
      expect(r.status).toBe(200);
      expect(r.headers.get('etag')).toBe('"4"');
      expect(r.body).toMatchObject({
        appealId: late,
        status: 'partly_reversed',
        late: true,
        letters: [
          { n: 1, kind: 'reconsidered' },
          { n: 2, kind: 'decided', outcome: 'partly_reversed' },
        ],
      });
      expect(r.body.steps.map((h: { type: string; actor: { role: string } }) => [h.type, h.actor.role])).toEqual([
        ['AppealLodged', 'school_owner'],
        ['AppealReconsidered', 'governor'],
        ['AppealForwarded', 'governor'],
        ['AppealDecided', 'ministry'],
      ]);
      expect((await s.api.get(`/appeals/${late}`, s.tokens.klepp)).status).toBe(403);
      expect((await s.api.get(`/appeals/${late}`, s.tokens.agder)).status).toBe(403);
      expect((await s.api.get(`/appeals/${late}`, s.tokens.ministry)).status).toBe(200);
    });

    it('lists: the governor its office (status filter), an owner its own, the ministry all; the governor overview has no closed ones', async () => {
      const head = await s.api.head();
      const all = await read('/appeals?office=ROGALAND', s.tokens.ministry, head);
      expect(all.body.map((a: { appealId: string }) => a.appealId).sort()).toEqual([timely, late, `${kleppGrant}.1.${KLEPP}`].sort());
      const closed = await read('/appeals?status=partly_reversed', s.tokens.governor, head);
      expect(closed.body.map((a: { appealId: string }) => a.appealId).sort()).toEqual([timely, late].sort());
      expect((await read('/appeals', s.tokens.sandnes, head)).body.map((a: { appealId: string }) => a.appealId)).toEqual([late]);
      expect((await read('/appeals?office=ROGALAND', s.tokens.agder, head)).status).toBe(403);
      expect((await read('/offices/ROGALAND/appeals', s.tokens.governor, head)).body.open).toEqual([]);
      expect((await read('/offices/ROGALAND/appeals', s.tokens.agder, head)).status).toBe(403);
    });

    it("the evaluation export has the appeal columns on the appellants' rows", async () => {
      const r = await read('/exports/evaluation?format=json&year=2028&office=ROGALAND', s.tokens.ministry, await s.api.head());
      expect(r.status).toBe(200);
      const row = (measure: string, org: string) =>
        (r.body as Array<Record<string, unknown>>).find((x) => x.measureId === measure && x.recipientOrg === org);
      expect(row('net', SANDNES)).toMatchObject({
        appeals: 1,
        appealStatus: 'udir_partly_reversed',
        appealLate: true,
        appealLodgedOn: expect.any(String),
        appealOutcomeOn: expect.any(String),
      });
      expect(row('net', STAVANGER)).toMatchObject({ appeals: 1, appealStatus: 'partly_reversed', appealLate: false });
      expect(row('kl', KLEPP)).toMatchObject({ appeals: 1, appealStatus: 'reversed' });
    });

    it("the grant's history shows the appeal steps among its own events", async () => {
      const h = await read(`/grants/${netGrant}/history`, s.tokens.stavanger, await s.api.head());
      expect(h.body.map((e: { type: string }) => e.type)).toEqual([
        'AllocationDecided',
        'AppealLodged',
        'AppealLodged',
        'AllocationAmended',
        'AppealReconsidered',
        'AppealReconsidered',
        'AppealForwarded',
        'AppealDecided',
      ]);
    });
  });
});
