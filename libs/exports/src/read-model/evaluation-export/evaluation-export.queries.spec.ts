import { jest } from '@jest/globals';
import type { QueryResult } from 'pg';
import type { Sql } from '#libs/db';
import { PAGE_SIZE, streamRawRows, type RawExportRow } from './evaluation-export.queries.js';

type Key = [string, string, number];
const keyOf = (r: RawExportRow): Key => [r.measureId as string, r.recipientOrg as string, Number(r.year)];
const after = (a: Key, b: Key) => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2]);

/** The read model's rows in key order, served as the keyset query asks (rows after $1..$3, LIMIT n); the keys asked are kept. */
function fakeSql(rows: RawExportRow[], failAfter = Infinity) {
  const asked: Key[] = [];
  let open = 0;
  let mostOpen = 0;
  const sql = {
    async query(text: string, params: unknown[]) {
      const key = params.slice(0, 3) as Key;
      asked.push(key);
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      await new Promise((resolve) => setTimeout(resolve, 1));
      open -= 1;
      if (asked.length > failAfter) throw new Error('connection lost');
      const limit = Number(/LIMIT (\d+)\s*$/.exec(text)?.[1]); // the page's (the LATERAL has a LIMIT 1 of its own)
      return { rows: rows.filter((r) => after(keyOf(r), key)).slice(0, limit) } as unknown as QueryResult;
    },
    exec: async () => undefined,
  } as unknown as Sql;
  return { sql, asked, mostOpen: () => mostOpen };
}

const rowsOf = (n: number): RawExportRow[] =>
  Array.from({ length: n }, (_, i) => ({
    measureId: `m${String(Math.floor(i / 3)).padStart(6, '0')}`,
    recipientOrg: '964965226',
    year: 2027 + (i % 3),
  }));

describe('streamRawRows: keyset pages, one read ahead', () => {
  it('Given two pages and a bit, Then every row once in key order, each page asked after the last row of the one before', async () => {
    const rows = rowsOf(2 * PAGE_SIZE + 7);
    const { sql, asked, mostOpen } = fakeSql(rows);
    const pages: RawExportRow[][] = [];
    const n = await streamRawRows(sql, {}, async (page) => {
      pages.push(page);
      await new Promise((resolve) => setTimeout(resolve, 5)); // a slow writer: the next page is read meanwhile
    });
    expect(n).toBe(rows.length);
    expect(pages.map((p) => p.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 7]);
    expect(pages.flat()).toEqual(rows);
    expect(asked).toEqual([['', '', -1], keyOf(rows[PAGE_SIZE - 1]), keyOf(rows[2 * PAGE_SIZE - 1])]);
    expect(mostOpen()).toBe(1); // never more than the one page ahead
  });

  it('Given exactly one page, Then the empty page after it is asked for and the count is the page', async () => {
    const rows = rowsOf(PAGE_SIZE);
    const { sql, asked } = fakeSql(rows);
    expect(await streamRawRows(sql, {}, async () => undefined)).toBe(PAGE_SIZE);
    expect(asked).toHaveLength(2);
  });

  it("Given a writer that fails while the next page fails too, Then the writer's error, and no unhandled rejection", async () => {
    const { sql } = fakeSql(rowsOf(3 * PAGE_SIZE), 1);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(
        streamRawRows(sql, {}, async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          throw new Error('the export stream was closed');
        }),
      ).rejects.toThrow('the export stream was closed');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('Given the next page fails, Then the export fails with it', async () => {
    const { sql } = fakeSql(rowsOf(3 * PAGE_SIZE), 1);
    await expect(streamRawRows(sql, {}, async () => undefined)).rejects.toThrow('connection lost');
  });
});
