import { QueryTimeoutError, withQueryLimit } from '#libs/db';
import { createTestDatabase, testBackends, type BackendName, type TestDatabase } from '../support/backends.js';

/**
 * A statement inside a request's time limit goes to the server in one round trip (BEGIN, SET LOCAL
 * statement_timeout, the statement with its parameters inlined, COMMIT): it must answer exactly what the same
 * statement answers outside a limit, be bounded by the time left, and leave its connection clean when it fails.
 */
const backends = await testBackends('pg client query limit');

const limit = (timeoutMs: number) => ({ deadline: Date.now() + timeoutMs, timeoutMs });

describe.each(backends)('a limited statement on %s', (backend: BackendName) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await db.client.exec(`CREATE TABLE limit_values (id integer PRIMARY KEY, t text, n bigint, d date, j jsonb, a text[], at timestamptz)`);
    await db.client.query(`INSERT INTO limit_values VALUES ($1, $2, $3, $4, $5, $6, $7), (2, NULL, NULL, NULL, NULL, NULL, NULL)`, [
      1,
      `it's a \\ "quoted" $1 -- text`,
      '9007199254740993',
      '2029-01-20',
      JSON.stringify({ a: [1, 'two', null], b: { c: "d'e" } }),
      ['x', "y'z", null],
      new Date('2029-01-20T10:11:12.345Z'),
    ]);
  }, 60_000);
  afterAll(() => db?.drop());

  it('Given parameters of every kind, When read within a limit, Then the rows are those read without one', async () => {
    const sql = `SELECT id, t, n, d, j, a, at, j->'b'->>'c' AS c FROM limit_values
      WHERE (t = $1 OR $1::text IS NULL) AND id = ANY($2::int[]) AND ($3::date IS NULL OR d <= $3) -- $4 in a comment
      ORDER BY id`;
    for (const params of [
      [`it's a \\ "quoted" $1 -- text`, [1, 2], '2030-01-01'],
      [null, [1, 2], null],
      [null, [], null],
    ]) {
      const outside = await db.client.query(sql, params);
      const inside = await withQueryLimit(limit(5_000), () => db.client.query(sql, params));
      expect(inside).toEqual(outside);
    }
    const counted = await withQueryLimit(limit(5_000), () => db.client.query('UPDATE limit_values SET n = n WHERE id = $1', [2]));
    expect(counted.rowCount).toBe(1);
  });

  it('Given a statement slower than the time left, When run within the limit, Then it is stopped as a QueryTimeoutError', async () => {
    const started = Date.now();
    await expect(withQueryLimit(limit(300), () => db.client.query('SELECT pg_sleep($1)', [5]))).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('Given a failing statement, When it fails within the limit, Then its error is the statement’s and the pool is clean', async () => {
    await expect(withQueryLimit(limit(5_000), () => db.client.query('SELECT 1 / $1::int', [0]))).rejects.toThrow(/division by zero/);
    await expect(withQueryLimit(limit(5_000), () => db.client.exec('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
    // No connection is left inside a transaction or with the request's timeout: each answers as a fresh one.
    const fresh = (await db.client.query<{ timeout: string }>(`SELECT current_setting('statement_timeout') AS timeout`)).rows[0].timeout;
    const states = await Promise.all(
      Array.from({ length: 12 }, () =>
        db.client.query<{ now: string; timeout: string }>(`SELECT now()::text AS now, current_setting('statement_timeout') AS timeout`),
      ),
    );
    for (const s of states) expect(s.rows[0].timeout).toBe(fresh);
    const a = await db.client.query<{ now: string }>('SELECT now()::text AS now');
    await new Promise((r) => setTimeout(r, 5));
    const b = await db.client.query<{ now: string }>('SELECT now()::text AS now');
    expect(a.rows[0].now).not.toBe(b.rows[0].now);
  });
});
