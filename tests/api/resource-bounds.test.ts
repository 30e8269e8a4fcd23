import { connect, type Socket } from 'node:net';
import type { SqlClient } from '#libs/db';
import { SQL_CLIENT } from '#libs/platform';
import { runSeed } from '../../apps/cli/src/seed/index.js';
import { testBackends, type BackendName } from '../support/backends.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { SEED } from '../tenancy/tenant-fixture.js';

/**
 * A request may not hold the service: a read past QUERY_TIMEOUT_MS is stopped and answered 503 with Retry-After
 * while commands go on; a client that goes away stops its query; a client that is slow to send its headers (or
 * sends nothing) is cut off at HTTP_HEADERS_TIMEOUT_MS while others are answered.
 */
const backends = await testBackends('resource bounds');
const MINISTRY = { role: 'ministry', org: '972417750' } as const;

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

  describe('query time limit (QUERY_TIMEOUT_MS) on a seeded year', () => {
    let api: TestApi;
    let ministry: string;
    let governor: string;
    let head: number;
    beforeAll(async () => {
      const seeding = await startTestApi(backend, {}, { keep: true });
      await runSeed(seeding.url, { issue: (input) => seeding.token(input) }, SEED, { concurrency: 6 });
      head = await seeding.head();
      await seeding.close();
      // The same database, served again with a limit no as-of query over the year can meet.
      api = await startTestApi(backend, { QUERY_TIMEOUT_MS: '5' }, { reuse: seeding.handle });
      ministry = await api.token(MINISTRY);
      governor = await api.token({ role: 'governor', office: 'ROGALAND' });
    }, 240_000);
    afterAll(async () => {
      await api?.close();
      await api?.handle.drop();
    });

    it('Given an as-of query over the year, When it runs past the limit, Then it is stopped with 503 and Retry-After while a command is answered', async () => {
      const asOf = api.get(`/grants?asOf=${head}`, ministry);
      const command = api.post('/calls', governor, { scheme: 'DEKOMP', year: 2090, title: 'Behovsmelding 2090' });
      const [read, written] = await Promise.all([asOf, command]);
      expect(written.status).toBe(201);
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toBe('1');
      expect(read.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(read.body).toMatchObject({ status: 503, type: 'https://dekomp.no/problems/query-timeout' });
      expect(read.body.detail).toMatch(/QUERY_TIMEOUT_MS/);
      // The scratch schemas of the stopped as-of query are gone.
      const sql = api.app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false });
      const left = await sql.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE '%__asof_%'`);
      expect(left.rows).toEqual([]);
    }, 60_000);

    it('Given an as-of query whose client goes away, Then its work in the database stops', async () => {
      const patient = await startTestApi(backend, { QUERY_TIMEOUT_MS: '60000' }, { reuse: api.handle, keep: true });
      try {
        const token = await patient.token(MINISTRY);
        const gone = new AbortController();
        const read = fetch(`${patient.url}/grants?asOf=${head}`, { headers: { authorization: `Bearer ${token}` }, signal: gone.signal });
        await new Promise((r) => setTimeout(r, 30));
        gone.abort();
        await expect(read).rejects.toThrow();
        const sql = patient.app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false });
        const until = Date.now() + 5_000;
        let active: unknown[] = [];
        do {
          await new Promise((r) => setTimeout(r, 100));
          active = (
            await sql.query(
              `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' AND query LIKE '%\\_\\_asof\\_%'`,
            )
          ).rows;
          const schemas = await sql.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE '%__asof_%'`);
          if (active.length === 0 && schemas.rows.length === 0) break;
        } while (Date.now() < until);
        expect(active).toEqual([]);
        expect((await sql.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE '%__asof_%'`)).rows).toEqual([]);
      } finally {
        await patient.close();
      }
    }, 60_000);
  });
});
