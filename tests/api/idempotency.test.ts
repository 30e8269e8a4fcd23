import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('idempotency api');

describe.each(backends)('concurrent retries with one Idempotency-Key on %s', (backend: BackendName) => {
  let api: TestApi;
  let governor: string;
  beforeAll(async () => {
    api = await startTestApi(backend);
    governor = await api.token({ role: 'governor', office: 'ROGALAND' });
  });
  afterAll(async () => api.close());

  it.each([2027, 2028, 2029])(
    'Given 5 parallel retries of one call opening (%s), Then every one answers what the first answered and one event is written',
    async (year) => {
      const before = await api.head();
      const body = { scheme: 'DEKOMP', year, title: `Behovsmelding ${year}` };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => api.post('/calls', governor, body, { 'Idempotency-Key': `open-${year}` })),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
      expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
      await api.expectNewEvents(before, ['CallOpened']);
    },
  );

  it('Given the same key with another body, Then 422 and nothing more is written', async () => {
    const before = await api.head();
    const r = await api.post(
      '/calls',
      governor,
      { scheme: 'DEKOMP', year: 2027, title: 'Another title' },
      { 'Idempotency-Key': 'open-2027' },
    );
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', rule: 'idempotency' });
    await api.expectNewEvents(before, []);
  });
});
