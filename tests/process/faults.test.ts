import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DevTokenIssuer } from '#libs/auth';
import { createScratchDatabase, EMBEDDED_DATABASE } from '#libs/db';
import { TEST_POSTGRES_URL, testBackends, type BackendName } from '../support/backends.js';
import { embeddedPostmaster, startService, type ServiceProcess } from '../support/service-process.js';
import { operationsOf } from '../fuzz/openapi-operations.js';
import { acknowledged, orgNumbers, send, WriteLoad, type Attempt } from './fault-load.js';

/**
 * The built service under a write load (concurrent clients, each command with its own Idempotency-Key), killed -9
 * mid-load FAULT_KILLS times (3 here; more for a long run) and restarted, then its database connections dropped
 * while it runs. Afterwards: every acknowledged write is there, a retry of every key answers as the first answer
 * did (or, never acknowledged, performs it exactly once), and the read models equal a rebuild from the events.
 */
const KILLS = Number(process.env.FAULT_KILLS ?? 3);
/**
 * Generous on purpose (speed targets live in the bench): the issue asks that the service "must serve within a few
 * seconds of the crash"; the measured figure is printed (about 2 s on a quiet 2-core machine, 7–26 s while other
 * suites kept it at a load average of 12–18).
 */
const SERVE_WITHIN_MS = 30_000;
const MINISTRY = '972417750';
const backends = await testBackends('faults');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilServing(url: string, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  for (;;) {
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until) throw new Error(`${url} did not serve within ${withinMs} ms`);
    await sleep(20);
  }
}

/** pg_terminate_backend on every connection of the service's database: a real dropped connection. */
async function dropConnections(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    // Two statements: in one, PostgreSQL may evaluate pg_terminate_backend before the other conditions.
    const pids = (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database])).rows.map(
      (r) => r.pid,
    );
    const r = await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** Sessions of the service that LISTEN for other processes' appends (their last statement was the LISTEN). */
async function listeners(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`);
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

describe.each(backends)('the service under faults on %s', (backend: BackendName) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-faults-'));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  let database: { url: string; name: string; drop(): Promise<void> } | undefined;
  let service: ServiceProcess;
  let token: string;
  const numbers = orgNumbers(backend === 'postgres' ? '91' : '92');
  const attempts: Attempt[] = [];

  beforeAll(async () => {
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase(TEST_POSTGRES_URL, 'dekomp_fault');
      database = { ...scratch, name: /\/([^/?]+)(\?|$)/.exec(scratch.url)![1] };
      env.DATABASE_URL = scratch.url;
    }
    service = await startService(env);
    token = await new DevTokenIssuer(dataDir).issue({ role: 'ministry', org: MINISTRY });
  }, 60_000);
  afterAll(async () => {
    if (service?.child.exitCode === null && service.child.signalCode === null) await service.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const get = async (path: string) => {
    const r = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: await r.json() };
  };

  it(
    `Given a write load, When the service is killed -9 mid-load ${KILLS} times, Then each restart serves within ${SERVE_WITHIN_MS / 1000} s`,
    async () => {
      const toServing: number[] = [];
      for (let round = 0; round < KILLS; round++) {
        const load = new WriteLoad(() => service.url, token, numbers, `${backend}-kill${round}`);
        await load.untilAcknowledged(8, 10_000);
        const killed = Date.now();
        await service.kill();
        await load.stop();
        attempts.push(...load.attempts);
        service = await startService(env);
        await untilServing(service.url, SERVE_WITHIN_MS);
        toServing.push(Date.now() - killed);
      }
      console.log(`[faults ${backend}] ${KILLS} kill -9 mid-load: kill to serving ${toServing.join(', ')} ms`);
      expect(Math.max(...toServing)).toBeLessThan(SERVE_WITHIN_MS);
      expect(attempts.filter(acknowledged).length).toBeGreaterThanOrEqual(8 * KILLS);
    },
    60_000 + KILLS * 30_000,
  );

  it('When its database connections drop under load, Then it answers 503 with Retry-After meanwhile (never a 500 or a hang) and recovers by itself', async () => {
    const load = new WriteLoad(() => service.url, token, numbers, `${backend}-db`);
    await load.untilAcknowledged(8, 10_000);
    const faultAt = Date.now();
    if (backend === 'embedded') {
      const postmaster = embeddedPostmaster(dataDir)!;
      process.kill(postmaster.pid, 'SIGKILL');
    } else {
      for (let i = 0; i < 3; i++) {
        expect(await dropConnections(database!.name)).toBeGreaterThan(0);
        await sleep(150);
      }
    }
    await load.untilAcknowledged(8, 20_000);
    await load.stop();
    attempts.push(...load.attempts);
    const during = load.attempts.filter((a) => a.at >= faultAt);
    const refused = during.filter((a) => !acknowledged(a));
    // Recovered: the first write acknowledged after the first refusal (or after the fault, when none was refused).
    const since = refused[0]?.at ?? faultAt;
    const recovered = during.find((a) => acknowledged(a) && a.at >= since);
    console.log(
      `[faults ${backend}] dropped connections: ${during.length} answers after the fault, ${refused.length} refused (503), recovered after ${recovered ? recovered.at - faultAt : '—'} ms`,
    );
    expect(load.hung).toBe(0);
    expect(service.child.exitCode).toBeNull(); // the same process: it recovered by itself
    expect(refused.map((a) => ({ status: a.status, retryAfter: a.retryAfter }))).toEqual(
      refused.map(() => ({ status: 503, retryAfter: '1' })),
    );
    if (backend === 'embedded') expect(refused.length).toBeGreaterThan(0); // the restart of PostgreSQL takes a moment
    expect(recovered).toBeDefined();
    expect(recovered!.at - faultAt).toBeLessThan(SERVE_WITHIN_MS);
    // LISTEN (other processes' appends) came back by itself too.
    const pm = embeddedPostmaster(dataDir);
    const url =
      database?.url ??
      `postgres://postgres:${encodeURIComponent(readFileSync(join(dataDir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pm!.port}/${EMBEDDED_DATABASE}`;
    const until = Date.now() + 10_000;
    while ((await listeners(url)) === 0 && Date.now() < until) await sleep(100);
    expect(await listeners(url)).toBeGreaterThan(0);
  }, 60_000);

  it('Then every acknowledged write is there, every retry answers as the first answer did or performs it once, and the read models equal a rebuild', async () => {
    // No first answer was anything but a success, a 503 with Retry-After, or none (the process died).
    expect(attempts.filter((a) => !acknowledged(a) && !(a.status === 'no answer' || (a.status === 503 && a.retryAfter)))).toEqual([]);
    const retries = await inBatches(attempts, 8, (a) => send(service.url, token, a.key, a.body));
    const mismatched = attempts.flatMap((a, i) => {
      const r = retries[i];
      if (acknowledged(a))
        return r.status === a.status && r.text === a.text ? [] : [{ key: a.key, first: [a.status, a.text], retry: [r.status, r.text] }];
      return r.status === 201 ? [] : [{ key: a.key, first: [a.status, a.text], retry: [r.status, r.text] }];
    });
    expect(mismatched).toEqual([]);

    const head = Math.max(...retries.map((r) => r.position));
    await untilCaughtUp(head);
    const ours = new Set(attempts.map((a) => a.orgNumber));
    const seen = (await listAll('/organisations?limit=500')).map((o) => (o as { orgNumber: string }).orgNumber).filter((n) => ours.has(n));
    expect(seen.length).toBe(ours.size); // every write there, none twice
    expect(new Set(seen).size).toBe(ours.size);
    const histories = await inBatches([...ours], 8, async (org) => ((await get(`/organisations/${org}/history`)).body as unknown[]).length);
    expect(histories.filter((n) => n !== 1)).toEqual([]); // exactly one OrganisationRegistered per key

    await untilCaughtUp(Math.max(...attempts.map((a) => a.position), head));
    const before = await readEverything();
    const names = ((await get('/admin/projections')).body as Array<{ name: string }>).map((p) => p.name);
    for (const name of names) await rebuild(name);
    expect(await readEverything()).toEqual(before);
    console.log(
      `[faults ${backend}] ${attempts.length} keys (${attempts.filter(acknowledged).length} acknowledged at first), all retried; ${names.length} read models rebuilt and equal`,
    );
  }, 120_000);

  /**
   * Waits until the read models have passed `position` (on a shared PostgreSQL server, open transactions of other
   * databases hold reads back for a while: ?minPosition= answers 503 until then).
   */
  async function untilCaughtUp(position: number): Promise<void> {
    const until = Date.now() + 60_000;
    while ((await get(`/organisations?minPosition=${position}&limit=1`)).status !== 200) {
      if (Date.now() > until) throw new Error(`the read models did not reach position ${position} within 60 s`);
    }
  }

  /** Every item of a paged list, following its `Link: <…>; rel="next"`. */
  async function listAll(path: string): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let next: string | undefined = path; next;) {
      const r = await fetch(`${service.url}${next}`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
      items.push(...((await r.json()) as unknown[]));
      next = /<([^>]+)>;\s*rel="next"/.exec(r.headers.get('link') ?? '')?.[1];
    }
    return items;
  }

  /** Every GET without path parameters, as the ministry sees it (status and body). */
  async function readEverything(): Promise<Record<string, unknown>> {
    const doc = (await get('/docs-json')).body as Parameters<typeof operationsOf>[0];
    const reads = operationsOf(doc).filter(
      (o) => o.method === 'GET' && o.params.length === 0 && !/^\/(docs|health|ready|metrics|admin)/.test(o.path),
    );
    const out: Record<string, unknown> = {};
    // What differs between two identical reads (the request's id, an export's issue time) is left out.
    for (const op of reads) {
      const r = await get(op.path).catch((e: unknown) => String(e));
      out[op.path] = JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === 'requestId' || k === 'issued' ? undefined : v)));
    }
    return out;
  }

  async function rebuild(name: string): Promise<void> {
    const started = await fetch(`${service.url}/admin/projections/${name}/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect({ name, status: started.status }).toEqual({ name, status: 202 });
    for (;;) {
      const status = (await get('/admin/projections')).body as Array<{ name: string; rebuild: { state: string; error?: string } | null }>;
      const run = status.find((p) => p.name === name)!.rebuild;
      if (run?.state === 'failed') throw new Error(`rebuilding ${name} failed: ${run.error}`);
      if (run?.state === 'finished') return;
      await sleep(20);
    }
  }
});

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}
