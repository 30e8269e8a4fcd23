import fc from 'fast-check';
import { inlineParams } from '#libs/db';
import { PipelinedSql } from '#libs/projections';
import { createTestDatabase, testBackends, type BackendName, type TestDatabase } from '../support/backends.js';

/**
 * A read model's writes are sent together with their parameters inlined as quoted literals (`PipelinedSql`): an
 * inlined value must reach the server exactly as the same value sent as a parameter, whatever it holds.
 */
const backends = await testBackends('pipelined read-model writes');

describe.each(backends)('pipelined read-model writes on %s', (backend: BackendName) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await db.client.exec(`CREATE TABLE pipe_values (id integer PRIMARY KEY, t text, n bigint, b boolean, d date, j jsonb, a text[])`);
  }, 60_000);
  afterAll(() => db?.drop());

  it('Given any text, number, boolean, date, JSON and array, When inlined, Then the server stores what the parameters would', async () => {
    const row = fc.record({
      t: fc.option(
        fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\0/g, '')),
        { nil: null },
      ),
      n: fc.option(fc.integer(), { nil: null }),
      b: fc.option(fc.boolean(), { nil: null }),
      d: fc.option(
        fc.integer({ min: 0, max: 3650 }).map((i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)),
        { nil: null },
      ),
      j: fc.option(
        fc.jsonValue().map((v) => JSON.stringify(v).replace(/\\u0000/g, '')),
        { nil: null },
      ),
      a: fc.option(
        fc.array(
          fc.option(
            fc.string().map((s) => s.replace(/\0/g, '')),
            { nil: null },
          ),
        ),
        { nil: null },
      ),
    });
    let id = 0;
    await fc.assert(
      fc.asyncProperty(row, async (r) => {
        const insert = `INSERT INTO pipe_values (id, t, n, b, d, j, a) VALUES ($1, $2, $3, $4, $5::date, $6::jsonb, $7::text[])`;
        const params = [r.t, r.n, r.b, r.d, r.j, r.a];
        const [inlined, sent] = [++id, ++id];
        await db.client.exec(inlineParams(insert, [inlined, ...params]));
        await db.client.query(insert, [sent, ...params]);
        const rows = await db.client.query(`SELECT t, n, b, d::text AS d, j, a FROM pipe_values WHERE id = ANY($1::int[]) ORDER BY id`, [
          [inlined, sent],
        ]);
        expect(rows.rows[0]).toEqual(rows.rows[1]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('Given $n inside quotes and comments, Then only the real placeholders are replaced', () => {
    expect(inlineParams(`SELECT '$1', "$1", $1 -- $2\n, /* $2 */ $2, $tag$ $1 $tag$`, ["it's", 5])).toBe(
      `SELECT '$1', "$1", 'it''s' -- $2\n, /* $2 */ '5', $tag$ $1 $tag$`,
    );
    expect(() => inlineParams('SELECT $3', [1])).toThrow(/\$3 has no parameter/);
  });

  it('Given held writes and a read, Then the read sees every write before it, in one message, and a held write hides its row count', async () => {
    await db.client.transaction(async (tx) => {
      const sent: string[] = [];
      const pipe = new PipelinedSql({
        query: (text, params) => (sent.push(text), tx.query(text, params)),
        exec: (text) => (sent.push(text), tx.exec(text)),
      });
      const held = await pipe.query(`INSERT INTO pipe_values (id, t) VALUES ($1, $2)`, [1000, 'a']);
      await pipe.query(`UPDATE pipe_values SET t = t || $2 WHERE id = $1`, [1000, 'b']);
      expect(sent).toEqual([]);
      expect(() => held.rowCount).toThrow(/RETURNING/);
      const read = await pipe.query<{ t: string }>(`SELECT t FROM pipe_values WHERE id = $1`, [1000]);
      expect(read.rows).toEqual([{ t: 'ab' }]);
      expect(sent).toHaveLength(2);
      const returning = await pipe.query<{ t: string }>(`UPDATE pipe_values SET t = 'c' WHERE id = $1 RETURNING t`, [1000]);
      expect(returning.rows).toEqual([{ t: 'c' }]);
    });
  });
});
