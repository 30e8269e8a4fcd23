import fc from 'fast-check';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { operationsOf, pathWith, type Operation } from './openapi-operations.js';
import { hostileBody, hostilePathId, hostileQuery, RawJson } from './hostile-values.js';

/**
 * Every operation of the OpenAPI document, over real HTTP, with generated bad bodies, path ids and query values,
 * under every role: no 5xx, every error problem+json (a 400 or 422 naming a field), and no event written by a
 * refused request. `FUZZ_RUNS` sets the generated requests per operation (fast default here; `npm run fuzz` runs long).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
/** Every operation gets RUNS requests: the long run needs minutes, not jest's default minute. */
const RUN_TIMEOUT = Math.max(60_000, RUNS * 6_000);
const backends = await testBackends('http fuzz');

interface Tally {
  tried: number;
  serverErrors: string[];
  acceptedBad: string[];
  writtenByRefused: string[];
}

describe.each(backends)('hostile input on every endpoint on %s', (backend: BackendName) => {
  let api: TestApi;
  let tokens: string[];
  let ops: Operation[];
  const tally: Tally = { tried: 0, serverErrors: [], acceptedBad: [], writtenByRefused: [] };

  beforeAll(async () => {
    api = await startTestApi(backend);
    tokens = await Promise.all([
      api.token({ role: 'ministry', org: '972417750' }),
      api.token({ role: 'governor', office: 'ROGALAND' }),
      api.token({ role: 'school_owner', org: '964965226' }),
      api.token({ role: 'university', org: '971564679' }),
    ]);
    ops = operationsOf((await api.get('/docs-json')).body);
  });
  afterAll(async () => {
    console.log(
      `[http fuzz ${backend}] ${JSON.stringify({ tried: tally.tried, serverErrors: tally.serverErrors.length, acceptedBad: tally.acceptedBad.length, writtenByRefused: tally.writtenByRefused.length })}`,
    );
    await api.close();
  });

  async function probe(op: Operation, path: string, token: string, body: unknown, raw?: { contentType: string; text: string }) {
    const before = await api.head();
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let payload: string | undefined;
    if (raw) {
      headers['content-type'] = raw.contentType;
      payload = raw.text;
    } else if (op.method !== 'GET' && body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = body instanceof RawJson ? body.text : JSON.stringify(body);
    }
    const res = await fetch(api.url + path, { method: op.method, headers, body: payload });
    const text = await res.text();
    tally.tried++;
    const where = `${op.method} ${path.slice(0, 120)} → ${res.status}`;
    if (res.status >= 500) tally.serverErrors.push(`${where} ${text.slice(0, 200)}`);
    if (res.status >= 400) {
      expect({ where, type: res.headers.get('content-type') }).toEqual({
        where,
        type: expect.stringContaining('application/problem+json'),
      });
      if (res.status === 400 || res.status === 422) {
        const problem = JSON.parse(text) as { errors?: Array<{ field?: string; rule?: string }> };
        expect({ where, named: !!problem.errors?.length && problem.errors.every((e) => !!e.field && !!e.rule) }).toEqual({
          where,
          named: true,
        });
      }
      const after = await api.head();
      if (after !== before) tally.writtenByRefused.push(where);
    }
    return res.status;
  }

  it(
    'bad bodies, path ids and query values: no 5xx, problem+json naming the field, nothing written when refused',
    async () => {
      for (const op of ops) {
        await fc.assert(
          fc.asyncProperty(hostileBody, hostilePathId, hostileQuery, fc.nat(3), async (body, id, query, who) => {
            const qs = new URLSearchParams(query).toString();
            const path = pathWith(op.path, () => id) + (qs ? `?${qs}` : '');
            const status = await probe(op, path, tokens[who], op.hasBody ? body : undefined);
            // Only a body that was sent can be accepted (an operation without one gets none).
            if (op.hasBody && status < 300 && typeof body !== 'object')
              tally.acceptedBad.push(`${op.method} ${op.path} accepted ${JSON.stringify(body).slice(0, 80)}`);
          }),
          { numRuns: RUNS, seed: 20261202 },
        );
      }
      expect(tally.serverErrors).toEqual([]);
      expect(tally.writtenByRefused).toEqual([]);
      expect(tally.acceptedBad).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it('form-encoded bodies, query parameters on commands and huge positions are refused with 400', async () => {
    const writes = ops.filter((o) => o.method !== 'GET' && o.params.length === 0);
    for (const op of writes) {
      // Under the role the route allows it is a 400; under the others, the role refusal (403) comes first.
      const form: number[] = [];
      const query: number[] = [];
      for (const token of tokens) {
        form.push(
          await probe(op, op.path, token, undefined, { contentType: 'application/x-www-form-urlencoded', text: 'year=2027&amount=1' }),
        );
        query.push(await probe(op, `${op.path}?dryRun=true`, token, {}));
      }
      expect({ op: op.path, form, query }).toEqual({
        op: op.path,
        form: expect.arrayContaining([400]),
        query: expect.arrayContaining([400]),
      });
      expect({ op: op.path, accepted: [...form, ...query].filter((s) => s < 300) }).toEqual({ op: op.path, accepted: [] });
    }
    const reads = ops.filter((o) => o.method === 'GET' && o.params.length === 0 && !o.path.startsWith('/docs'));
    for (const op of reads) {
      expect(await probe(op, `${op.path}?minPosition=99999999999999999999999`, tokens[0], undefined)).toBe(400);
    }
    expect(tally.serverErrors).toEqual([]);
  });
});
