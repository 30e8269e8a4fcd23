import { connect, type Socket } from 'node:net';
import type { SqlClient } from '#libs/db';
import type { ProjectionEngine } from '#libs/projections';
import { PROJECTION_ENGINE, SQL_CLIENT } from '#libs/platform';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';

/**
 * A request may not hold the service: a read past QUERY_TIMEOUT_MS is stopped and answered 503 with Retry-After
 * while commands go on; a client that goes away stops its query; a client that is slow to send its headers (or
 * sends nothing) is cut off at HTTP_HEADERS_TIMEOUT_MS while others are answered.
 */
const backends = await testBackends('resource bounds');
const MINISTRY = { role: 'ministry', org: '972417750' } as const;

/** Holds an exclusive lock on a table (in a transaction of its own) until released: reads of it wait meanwhile. */
async function lockTable(api: TestApi, table: string): Promise<{ pid: number; release: () => Promise<void> }> {
  const sql = api.app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: (pid: number) => void;
  const held = new Promise<number>((r) => (locked = r));
  const done = sql.transaction(async (tx) => {
    await tx.exec(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    locked(Number((await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid));
    await released;
  });
  const pid = await Promise.race([held, done.then(() => 0)]);
  return {
    pid,
    release: async () => {
      release();
      await done;
    },
  };
}

/** Statements of other sessions waiting for the lock session `pid` holds. */
async function waitingReads(sql: SqlClient, pid: number): Promise<unknown[]> {
  const r = await sql.query(`SELECT query FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid]);
  return r.rows;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves with the milliseconds until the server closed the socket. */
function closedAfter(socket: Socket): Promise<number> {
  const opened = Date.now();
  return new Promise((resolve) => {
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(Date.now() - opened));
  });
}

describe.each(backends)('resource bounds per request on %s', (backend: BackendName) => {
  describe('slow or idle clients (HTTP_HEADERS_TIMEOUT_MS=1000)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(backend, { HTTP_HEADERS_TIMEOUT_MS: '1000' });
    });
    afterAll(async () => api?.close());

    it('Given a client that opens a connection and sends nothing and one that sends its headers byte by byte, Then both are cut off near the bound while another client is answered', async () => {
      const { port } = new URL(api.url);
      const idle = connect(Number(port), '127.0.0.1');
      const slow = connect(Number(port), '127.0.0.1');
      const idleClosed = closedAfter(idle);
      const slowClosed = closedAfter(slow);
      const request = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'y'.repeat(100);
      let sent = 0;
      const drip = setInterval(() => !slow.destroyed && slow.write(request[sent++ % request.length]), 50);
      try {
        const other = await fetch(`${api.url}/health`);
        expect(other.status).toBe(200);
        const [idleMs, slowMs] = await Promise.all([idleClosed, slowClosed]);
        console.log(
          `[resource bounds ${backend}] idle connection cut off after ${idleMs} ms, byte-by-byte headers after ${slowMs} ms (${sent} bytes)`,
        );
        for (const ms of [idleMs, slowMs]) {
          expect(ms).toBeGreaterThanOrEqual(900);
          expect(ms).toBeLessThan(5_000); // Node's own sweep would take up to 30 s more
        }
        expect(sent).toBeGreaterThan(5); // it was sending when cut off
      } finally {
        clearInterval(drip);
        idle.destroy();
        slow.destroy();
      }
    }, 20_000);
  });

  describe('query time limit (QUERY_TIMEOUT_MS) on a read held up in the database', () => {
    let api: TestApi;
    let ministry: string;
    let governor: string;
    let head: number;
    beforeAll(async () => {
      api = await startTestApi(backend, { QUERY_TIMEOUT_MS: '200' }, { keep: true });
      ministry = await api.token(MINISTRY);
      governor = await api.token({ role: 'governor', office: 'ROGALAND' });
      expect((await api.post('/calls', governor, { scheme: 'DEKOMP', year: 2089, title: 'Behovsmelding 2089' })).status).toBe(201);
      head = await api.head();
      // Caught up before a test locks a table: an open transaction holds newer events back from the read models.
      expect(await api.app.get<symbol, ProjectionEngine>(PROJECTION_ENGINE, { strict: false }).waitFor(head, 10_000)).toBe(true);
    }, 60_000);
    afterAll(async () => {
      await api?.close();
      await api?.handle.drop();
    });

    it('Given an as-of read that cannot finish, When it runs past the limit, Then it is stopped with 503 and Retry-After while a command is answered', async () => {
      const lock = await lockTable(api, 'rm_grants.gr_grants__history');
      try {
        const asOf = api.get(`/grants?asOf=${head}`, ministry);
        const command = api.post('/calls', governor, { scheme: 'DEKOMP', year: 2090, title: 'Behovsmelding 2090' });
        const [read, written] = await Promise.all([asOf, command]);
        expect(written.status).toBe(201);
        expect(read.status).toBe(503);
        expect(read.headers.get('retry-after')).toBe('1');
        expect(read.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(read.body).toMatchObject({ status: 503, type: 'https://dekomp.no/problems/query-timeout' });
        expect(read.body.detail).toMatch(/QUERY_TIMEOUT_MS/);
      } finally {
        await lock.release();
      }
      // Once the table is free again the same read is answered.
      const again = await api.get(`/grants?asOf=${head}`, ministry);
      expect({ status: again.status, body: again.status === 200 ? null : again.body }).toEqual({ status: 200, body: null });
    }, 60_000);

    it('Given an as-of read whose client goes away, Then its work in the database stops', async () => {
      const patient = await startTestApi(backend, { QUERY_TIMEOUT_MS: '60000' }, { reuse: api.handle, keep: true });
      const lock = await lockTable(patient, 'rm_grants.gr_grants__history');
      try {
        const token = await patient.token(MINISTRY);
        const gone = new AbortController();
        const read = fetch(`${patient.url}/grants?asOf=${head}`, { headers: { authorization: `Bearer ${token}` }, signal: gone.signal });
        const sql = patient.app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false });
        // The read is waiting in the database for the locked table ...
        expect(await waitUntil(async () => (await waitingReads(sql, lock.pid)).length > 0)).toBe(true);
        gone.abort();
        await expect(read).rejects.toThrow();
        // ... and stops there when its client goes away, while the table is still locked.
        expect(await waitUntil(async () => (await waitingReads(sql, lock.pid)).length === 0)).toBe(true);
      } finally {
        await lock.release();
        await patient.close();
      }
    }, 60_000);
  });
});
