import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

const backends = await testBackends('operations api');
const ALLOWED = 'https://dekomp.example.no';

describe.each(backends)('operations and interface conventions on %s', (backend: BackendName) => {
  let api: TestApi;
  let ministry: string;
  beforeAll(async () => {
    api = await startTestApi(backend, { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173`, RATE_LIMIT_PER_MINUTE: '40' });
    ministry = await api.token({ role: 'ministry', org: '972417750' });
  });
  afterAll(async () => api.close());

  it('serves Prometheus metrics: requests by route and status, command latency, appends, projection lag', async () => {
    await api.post('/calls', await api.token({ role: 'governor', office: 'ROGALAND' }), {
      scheme: 'DEKOMP',
      year: 2027,
      title: 'Behovsmelding 2027',
    });
    await api.get('/calls', ministry);
    const r = await fetch(`${api.url}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await r.text();
    expect(text).toMatch(/dekomp_http_requests_total\{method="GET",route="\/calls",status="200"\} \d+/);
    expect(text).toMatch(/dekomp_command_duration_seconds_count\{command="Call",outcome="written"\} 1/);
    expect(text).toMatch(/dekomp_events_appended_total \d+/);
    expect(text).toMatch(/dekomp_group_commit_appends_count \d+/);
    expect(text).toMatch(/dekomp_projection_lag_events\{read_model="calls"\} \d+/);
  });

  it('sends security headers and no X-Powered-By', async () => {
    const r = await fetch(`${api.url}/health`);
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('answers a CORS preflight from an allowed origin, and not from another', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/calls`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
        },
      });
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
    const refused = await preflight('https://evil.example.com');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${api.url}/calls`, { headers: { Origin: ALLOWED, Authorization: `Bearer ${ministry}` } });
    expect(read.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    // A browser client follows pages by the Link header, so it must be exposed too.
    expect(read.headers.get('access-control-expose-headers')).toMatch(/\bLink\b/);
  });

  it('refuses a body over the limit with 413 problem+json naming the limit', async () => {
    const r = await api.post('/calls', ministry, { scheme: 'DEKOMP', year: 2027, title: 'x'.repeat(600_000) });
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.errors[0]).toMatchObject({ field: 'body', rule: 'maxSize' });
    expect(r.body.detail).toMatch(/256kb.*recommendation-drafts/);
  });

  it('rate-limits per token: over the limit a 429 with Retry-After, while another token still answers', async () => {
    const owner = await api.token({ role: 'school_owner', org: '964965226' });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 45; i++) {
      const r = await fetch(`${api.url}/calls`, { headers: { Authorization: `Bearer ${owner}` } });
      statuses.push(r.status);
      if (r.status === 429) {
        retryAfter = r.headers.get('retry-after');
        expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(40);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const other = await api.get('/reference/offices', await api.token({ role: 'university', org: '971564679' }));
    expect(other.status).toBe(200);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});
