import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenIssuer } from '#libs/auth';
import { WebhookReceiver } from '../api/webhook-receiver.js';
import { MAIN, startBuiltService, type BuiltService } from './built-service.js';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';

const ALLOWED = 'https://dekomp.example.no';
const LIMIT = 30;

/** Polls `check` until it holds (the service works asynchronously: deliveries, projections). */
async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, ms = 30_000): Promise<T> {
  for (const until = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 100))) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
  }
}

/**
 * The built service as a process, started once (start-up costs seconds) with CORS origins, a rate limit, a
 * webhook receiver and an OTLP endpoint: /metrics, the security headers, CORS preflights, 429 with Retry-After,
 * and the traces it sends, flushed when it is stopped.
 */
describe('operations of the built service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-ops-'));
  const otlp = new OtlpReceiver();
  const hooks = new WebhookReceiver();
  let service: BuiltService;
  let governor: string;
  let ministry: string;
  const token = (claims: Parameters<DevTokenIssuer['issue']>[0]) => new DevTokenIssuer(dataDir).issue(claims);
  const call = (path: string, bearer: string, init: RequestInit = {}) =>
    fetch(`${service.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...init.headers },
    });

  beforeAll(async () => {
    await Promise.all([otlp.start(), hooks.start()]);
    service = await startBuiltService({
      DATA_DIR: dataDir,
      CORS_ORIGINS: ALLOWED,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      WEBHOOK_POLL_MS: '50',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Long enough that the spans can only arrive through the flush at shutdown.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    governor = await token({ role: 'governor', office: 'ROGALAND' });
    ministry = await token({ role: 'ministry', org: '972417750' });
  }, 120_000); // a start under load (other suites on two cores) takes tens of seconds
  afterAll(async () => {
    if (service?.child.exitCode === null) await service.stop();
    await Promise.all([otlp.close(), hooks.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts requests by route and status, command latency, appends, group commits, webhook deliveries and export rows', async () => {
    const subscribed = await call('/webhooks', governor, {
      method: 'POST',
      body: JSON.stringify({ url: `${hooks.url}/calls`, kinds: ['call.opened'] }),
    });
    expect(subscribed.status).toBe(201);
    const opened = await call('/calls', governor, {
      method: 'POST',
      body: JSON.stringify({ scheme: 'DEKOMP', year: 2027, title: 'Behovsmelding 2027' }),
    });
    expect(opened.status).toBe(201);
    const position = opened.headers.get('dekomp-position');
    expect((await call(`/calls?minPosition=${position}`, ministry)).status).toBe(200);
    await eventually(() => (hooks.at('/calls').length > 0 ? true : undefined), 'the call.opened delivery');
    const csv = await call(`/exports/evaluation?format=csv&minPosition=${position}`, ministry);
    expect(csv.status).toBe(200);
    const exported = (await csv.text()).trim().split('\n').length - 1; // below the heading

    const text = await eventually(async () => {
      const t = await (await fetch(`${service.url}/metrics`)).text();
      return /dekomp_webhook_deliveries_total\{result="delivered"\} [1-9]/.test(t) ? t : undefined;
    }, 'the delivery counted');
    expect(text).toMatch(/dekomp_http_requests_total\{method="POST",route="\/calls",status="201"\} 1\b/);
    expect(text).toMatch(/dekomp_http_requests_total\{method="GET",route="\/calls",status="200"\} 1\b/);
    expect(text).toMatch(/dekomp_command_duration_seconds_count\{command="Call",outcome="written"\} 1\b/);
    expect(text).toMatch(/dekomp_events_appended_total [1-9]/);
    expect(text).toMatch(/dekomp_group_commit_appends_count [1-9]/);
    expect(text).toMatch(/dekomp_projection_lag_events\{read_model="calls"\} 0\b/);
    expect(text).toMatch(new RegExp(`dekomp_export_rows_total\\{format="csv"\\} ${exported}\\b`));
  });

  it('sends the security headers and no X-Powered-By', async () => {
    const r = await fetch(`${service.url}/health`);
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('answers a CORS preflight from an allowed origin, and not from another', async () => {
    const preflight = (origin: string) =>
      fetch(`${service.url}/calls`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const refused = await preflight('https://evil.example.com');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 429 with Retry-After to a token over RATE_LIMIT_PER_MINUTE, while another token still answers', async () => {
    const busy = await token({ role: 'school_owner', org: '964965226' });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < LIMIT + 5; i++) {
      const r = await call('/reference/offices', busy);
      statuses.push(r.status);
      if (r.status === 429) limited ??= r;
      await r.text();
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual(Array(5).fill(429));
    expect(limited!.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await call('/reference/offices', await token({ role: 'university', org: '971564679' }));
    expect(other.status).toBe(200);
  });

  it('sends its spans (service dekomp) on SIGTERM: the HTTP route, the command and its pg queries', async () => {
    expect(await service.stop()).toBe(0);
    const spans = otlp.spans;
    expect(spans.length).toBeGreaterThan(0);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['dekomp']));
    const route = spans.find((s) => s.name === 'POST /calls' && s.attributes['http.route'] === '/calls');
    expect(route?.attributes['http.response.status_code']).toBe(201);
    const command = spans.find((s) => s.name === 'command OpenCall');
    expect(command?.attributes).toMatchObject({
      'dekomp.aggregate': 'Call',
      'dekomp.stream': 'Call-rogaland-dekomp-2027',
      'dekomp.outcome': 'written',
    });
    const inTrace = (s: ReceivedSpan) => s.traceId === route!.traceId;
    const queries = spans.filter((s) => inTrace(s) && s.scope === '@opentelemetry/instrumentation-pg' && s.name.startsWith('pg.query'));
    expect(queries.length).toBeGreaterThan(0);
    // The command loads its stream (the append is committed by the group-commit writer, outside the request).
    expect(queries.some((q) => /FROM events\b/.test(String(q.attributes['db.query.text'])))).toBe(true);
    expect(command!.traceId).toBe(route!.traceId);
    // Neither scrapes nor the background polling of the projections make spans: every query belongs to a request.
    expect(spans.some((s) => s.name === 'GET /metrics' || s.name === 'GET /health')).toBe(false);
    const requests = new Set(spans.filter((s) => s.scope === '@opentelemetry/instrumentation-http').map((s) => s.traceId));
    expect(spans.filter((s) => s.scope === '@opentelemetry/instrumentation-pg').every((s) => requests.has(s.traceId))).toBe(true);
  });
});

describe('a bad OpenTelemetry setting stops the start with one line naming it (exit 78)', () => {
  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /^OTEL_EXPORTER_OTLP_ENDPOINT: must be the http\(s\) URL of an OTLP collector/],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'ftp://x/v1/traces' }, /^OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be the http\(s\) URL/],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'json' },
      /^OTEL_EXPORTER_OTLP_PROTOCOL: must be one of http\/protobuf, http\/json, grpc; got 'json'/,
    ],
  ])('%o', (env, message) => {
    const r = spawnSync(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(78);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });
});
