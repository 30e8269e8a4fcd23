import { createHash } from 'node:crypto';
import { testBackends, type BackendName } from '../support/backends.js';
import { letterBytes, pdfText, SANDNES, startSuite, STAVANGER, type Suite } from './letters-appeals.fixture.js';

const backends = await testBackends('letters api');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(backends)('decision letters (R22) on %s', (backend: BackendName) => {
  let s: Suite;
  const grantId = `ROGALAND.DEKOMP.lesing.${STAVANGER}`;
  let decisionPosition: number;

  beforeAll(async () => {
    s = await startSuite(backend);
    s.api.clock.fix('2028-02-01');
    expect((await s.api.post('/calls', s.tokens.governor, { scheme: 'DEKOMP', year: 2028, title: 'Dekomp 2028' })).status).toBe(201);
    s.api.clock.fix('2028-04-20');
    await s.frame(2028, 1_000_000);
    await s.frame(2029, 800_000);
    s.measure(
      'lesing',
      [STAVANGER],
      [
        { org: STAVANGER, year: 2028, amount: 400_000 },
        { org: STAVANGER, year: 2029, amount: 200_000 },
      ],
      'Lesing i alle fag',
    );
    s.measure('realfag', [STAVANGER], [{ org: STAVANGER, year: 2028, amount: 100_000 }], 'Realfag på ungdomstrinnet');
    s.recommendations.set('rogaland-dekomp-2028', {
      ...{
        recommendationId: 'rec-1',
        forumId: 'f-1',
        callId: 'rogaland-dekomp-2028',
        outcome: 'consensus',
        recordedAt: '2028-04-01T10:00:00Z',
      },
      lines: [
        { measureId: 'lesing', recipientOrg: STAVANGER, year: 2028, amount: 350_000 },
        { measureId: 'lesing', recipientOrg: STAVANGER, year: 2029, amount: 200_000 },
      ],
    });
  });
  afterAll(async () => {
    s.api.clock.fix(null);
    await s.api.close();
  });

  describe('a decision and its letter', () => {
    it('the decision records its case number from the office numbering', async () => {
      const since = await s.api.head();
      const r = await s.decide({
        measureId: 'lesing',
        recipientOrg: STAVANGER,
        amounts: [
          { year: 2028, amount: 300_000 },
          { year: 2029, amount: 200_000 },
        ],
        deviationReason: 'the first year starts in the autumn',
      });
      expect(r.status).toBe(201);
      decisionPosition = r.body.position;
      const [e] = await s.api.expectNewEvents(since, ['AllocationDecided']);
      expect(e.data).toMatchObject({ caseNumber: '2028/DEKOMP-1' });
    });

    it('GET /grants/{id}/letters lists it with kind, date, title, case number and appeal deadline', async () => {
      const r = await s.api.get(`/grants/${grantId}/letters`, s.tokens.stavanger);
      expect(r.status).toBe(200);
      expect(r.body).toEqual([
        {
          n: 1,
          kind: 'decision',
          date: '2028-04-20',
          title: 'Vedtak om tilskudd – 2028',
          caseNumber: '2028/DEKOMP-1',
          appealDeadline: '2028-05-11',
          position: decisionPosition,
        },
      ]);
    });

    it('the letter is a PDF stating amounts per year, the minimum and its forms, the reasons, the case number and the appeal deadline', async () => {
      const pdf = await letterBytes(s.api, `/grants/${grantId}/letters/1`, s.tokens.stavanger);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      const text = await pdfText(pdf.bytes);
      for (const words of [
        'Statsforvalteren i Rogaland',
        'Stavanger kommune',
        'org.nr. 964 965 226',
        'Vår referanse: 2028/DEKOMP-1',
        'Vår dato: 20. april 2028',
        'Lesing i alle fag',
      ])
        expect(text).toContain(words);
      for (const amount of ['300 000 kr', '200 000 kr', '500 000 kr', '90 000 kr', '60 000 kr']) expect(text).toContain(amount);
      expect(text).toContain('i alt minst 150 000 kr');
      expect(text).toMatch(/penger, lønn eller frikjøpt tid/);
      expect(text).toMatch(/for 2028 tilrådde forumet 350 000 kr, vedtaket gir 300 000 kr/);
      expect(text).toMatch(/klagefristen 11\. mai 2028/);
      expect(text).toMatch(/Utdanningsdirektoratet \(Udir\), som er klageinstans/);
    });

    it('the same events give the same bytes; a browser gets the HTML preview', async () => {
      const a = await letterBytes(s.api, `/grants/${grantId}/letters/1`, s.tokens.governor);
      const b = await letterBytes(s.api, `/grants/${grantId}/letters/1`, s.tokens.ministry);
      expect(sha(a.bytes)).toBe(sha(b.bytes));
      const html = await letterBytes(
        s.api,
        `/grants/${grantId}/letters/1`,
        s.tokens.stavanger,
        'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      );
      expect(html.type).toMatch(/^text\/html/);
      expect(Buffer.from(html.bytes).toString('utf8')).toContain('<h1>Vedtak om tilskudd – 2028</h1>');
    });
  });

  describe('an amendment and its letter', () => {
    it('the amendment is letter 2, with before and now; asOf gives the letters as they stood', async () => {
      s.api.clock.fix('2028-05-10');
      const r = await s.api.post(`/grants/${grantId}/amendments`, s.tokens.governor, {
        amounts: [
          { year: 2028, amount: 350_000 },
          { year: 2029, amount: 200_000 },
        ],
        reason: 'a second school joins',
      });
      expect(r.status).toBe(200);
      const list = await s.api.get(`/grants/${grantId}/letters`, s.tokens.stavanger);
      expect(
        list.body.map((l: { n: number; kind: string; date: string; appealDeadline: string }) => [l.n, l.kind, l.date, l.appealDeadline]),
      ).toEqual([
        [1, 'decision', '2028-04-20', '2028-05-11'],
        [2, 'amendment', '2028-05-10', '2028-05-31'],
      ]);
      const text = await pdfText((await letterBytes(s.api, `/grants/${grantId}/letters/2`, s.tokens.stavanger)).bytes);
      expect(text).toContain('Vedtak om endring av tilskudd');
      expect(text).toContain('Begrunnelse: a second school joins');
      expect(text).toContain('550 000 kr');
      expect(text).toContain('i alt minst 165 000 kr');
      expect(text).toMatch(/klagefristen 31\. mai 2028/);
      const then = await s.api.get(`/grants/${grantId}/letters?asOf=${decisionPosition}`, s.tokens.stavanger);
      expect(then.body).toHaveLength(1);
      expect((await letterBytes(s.api, `/grants/${grantId}/letters/2?asOf=${decisionPosition}`, s.tokens.stavanger)).status).toBe(404);
    });
  });

  describe('office letter settings: nynorsk, letterhead, signatory; a given case number; the round letter', () => {
    it('the governor sets nynorsk; another office cannot (403, nothing written)', async () => {
      const body = {
        language: 'nn',
        letterhead: { address: 'Postboks 59 Sentrum, 4001 Stavanger', phone: '51 56 87 00', email: 'sfropost@statsforvaltaren.no' },
        signatory: { name: 'Kari Nordmann', title: 'utdanningsdirektør' },
        caseNumberFormat: '{year}/{seq}',
      };
      const since = await s.api.head();
      const other = await s.api.request('PUT', '/offices/ROGALAND/letter-settings', { token: s.tokens.agder, body });
      expect(other.status).toBe(403);
      expect(other.body.errors).toEqual([expect.objectContaining({ rule: 'R20' })]);
      await s.api.expectNewEvents(since, []);
      const r = await s.api.request('PUT', '/offices/ROGALAND/letter-settings', { token: s.tokens.governor, body });
      expect(r.status).toBe(200);
      expect((await s.api.get('/offices/ROGALAND/letter-settings', s.tokens.governor)).body).toMatchObject({
        language: 'nn',
        officeName: 'Statsforvalteren i Rogaland',
      });
    });

    it('a decision with a given case number gets a nynorsk letter; the earlier letters stay as they were', async () => {
      const r = await s.decide({
        measureId: 'realfag',
        recipientOrg: STAVANGER,
        amounts: [{ year: 2028, amount: 100_000 }],
        caseNumber: '2028/77',
        deviationReason: 'the forum did not weigh this measure',
      });
      expect(r.body).toMatchObject({ id: `ROGALAND.DEKOMP.realfag.${STAVANGER}` });
      expect(r.status).toBe(201);
      const text = await pdfText(
        (await letterBytes(s.api, `/grants/ROGALAND.DEKOMP.realfag.${STAVANGER}/letters/1`, s.tokens.stavanger)).bytes,
      );
      for (const words of [
        'Statsforvaltaren i Rogaland',
        'Vedtak om tilskot',
        'Vår referanse: 2028/77',
        'Minste eigendel',
        'Med helsing',
        'Kari Nordmann',
        'E-post: sfropost@statsforvaltaren.no',
      ])
        expect(text).toContain(words);
      expect(text).toMatch(/innan tre veker/);
      expect(await pdfText((await letterBytes(s.api, `/grants/${grantId}/letters/1`, s.tokens.stavanger)).bytes)).toContain(
        'Vedtak om tilskudd',
      );
      const taken = await s.decide({
        measureId: 'lesing',
        recipientOrg: SANDNES,
        amounts: [{ year: 2028, amount: 1 }],
        caseNumber: '2028/77',
      });
      expect(taken.status).toBe(422);
    });

    it('one letter for the round: both measures of the call to Stavanger', async () => {
      const round = await letterBytes(s.api, `/offices/ROGALAND/calls/rogaland-dekomp-2028/letters/${STAVANGER}`, s.tokens.stavanger);
      expect(round.status).toBe(200);
      const text = await pdfText(round.bytes);
      expect(text).toContain('Lesing i alle fag');
      expect(text).toContain('Realfag på ungdomstrinnet');
      expect(text).toContain('2 tiltak');
      expect(text).toContain('2028/DEKOMP-1, 2028/77');
    });
  });

  describe('R20 and bad input', () => {
    it('another owner and another office get 403; a missing letter or grant 404', async () => {
      expect((await s.api.get(`/grants/${grantId}/letters`, s.tokens.sandnes)).status).toBe(403);
      expect((await letterBytes(s.api, `/grants/${grantId}/letters/1`, s.tokens.agder)).status).toBe(403);
      expect((await letterBytes(s.api, `/offices/ROGALAND/calls/rogaland-dekomp-2028/letters/${STAVANGER}`, s.tokens.sandnes)).status).toBe(
        403,
      );
      expect((await letterBytes(s.api, `/grants/${grantId}/letters/9`, s.tokens.stavanger)).status).toBe(404);
      expect((await s.api.get(`/grants/ROGALAND.DEKOMP.none.${STAVANGER}/letters`, s.tokens.stavanger)).status).toBe(404);
      expect((await letterBytes(s.api, `/offices/ROGALAND/calls/rogaland-dekomp-2028/letters/${SANDNES}`, s.tokens.governor)).status).toBe(
        404,
      );
    });
  });
});
