import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestApi, type TestApi } from '../support/api.js';
import { testBackends } from '../support/backends.js';

const [backend] = await testBackends('openapi');

interface Operation {
  responses: Record<string, { content?: Record<string, { example?: { status?: number } }>; headers?: Record<string, unknown> }>;
}

describe(`the OpenAPI document tells the truth (on ${backend})`, () => {
  let api: TestApi;
  let doc: { paths: Record<string, Record<string, Operation>> };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

  beforeAll(async () => {
    api = await startTestApi(backend);
    doc = (await api.get('/docs-json')).body;
  });
  afterAll(async () => api.close());

  it('validates against the OpenAPI schema', async () => {
    const result = await new Validator().validate(doc);
    expect({ valid: result.valid, errors: result.errors }).toEqual({ valid: true, errors: undefined });
  });

  it('declares every error as application/problem+json, with an example of its own status', () => {
    const wrong: string[] = [];
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        const problem = r.content?.['application/problem+json'];
        if (!problem || Object.keys(r.content ?? {}).length !== 1)
          wrong.push(`${method} ${path} ${status}: ${Object.keys(r.content ?? {}).join(',')}`);
        else if (problem.example && problem.example.status !== Number(status))
          wrong.push(`${method} ${path} ${status}: example of ${problem.example.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('declares the headers commands answer with: ETag, Dekomp-Position, and Location when they create', () => {
    const commands = operations().filter(({ method }) => method !== 'get');
    expect(commands.length).toBeGreaterThan(50);
    const missing = commands.flatMap(({ path, method, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => /^2/.test(status))
        .flatMap(([status, r]) => [
          ...(['ETag', 'Dekomp-Position'] as const).filter((h) => !r.headers?.[h]).map((h) => `${method} ${path} ${status} ${h}`),
          ...(status === '201' && !r.headers?.Location ? [`${method} ${path} 201 Location`] : []),
        ]),
    );
    expect(missing).toEqual([]);
    expect(doc.paths['/calls'].post.responses['429']).toBeDefined();
  });

  it('a missing field is told as "is required", not as every constraint its absence breaks', async () => {
    const r = await api.post('/calls', await api.token({ role: 'governor', office: 'ROGALAND' }), { scheme: 'DEKOMP', title: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: 'year', rule: 'required', message: 'year is required' }]);
  });
});
