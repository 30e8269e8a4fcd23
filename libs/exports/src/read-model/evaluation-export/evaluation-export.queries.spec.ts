import { jest } from '@jest/globals';
import type { QueryResult } from 'pg';
import type { Sql } from '#libs/db';
import { PAGE_SIZE, streamRawRows, WALK, type RawExportRow } from './evaluation-export.queries.js';

type Key = [string, string, number];
const keyOf = (r: RawExportRow): Key => [r.measureId as string, r.recipientOrg as string, Number(r.year)];
const after = (a: Key, b: Key) => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2]);

/**
 * The read model's rows in key order, served as a page's queries ask: unfiltered, the rows after $1..$3 (LIMIT n);
 * filtered, of the next WALK keys the first n of office $6 (and the walk's end when fewer), then the rows of keys
 * ($1..$3 arrays). The pages asked are kept.
 */
function fakeSql(rows: RawExportRow[], failAfter = Infinity) {
  const asked: Key[] = [];
  let open = 0;
  let mostOpen = 0;
  const sql = {
    async query(text: string, params: unknown[]) {
      const byKeys = Array.isArray(params[0]);
      if (!byKeys) asked.push(params.slice(0, 3) as Key);
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      await new Promise((resolve) => setTimeout(resolve, 1));
      open -= 1;
      if (asked.length > failAfter) throw new Error('connection lost');
      const served = (r: RawExportRow[]) => ({ rows: r }) as unknown as QueryResult;
      if (byKeys) {
        const [measures, orgs, years] = params as [string[], string[], number[]];
        const wanted = new Set(measures.map((m, i) => `${m}|${orgs[i]}|${years[i]}`));
        return served(rows.filter((r) => wanted.has(keyOf(r).join('|'))));
      }
      const limit = Number(/LIMIT (\d+)\s*$/.exec(text)?.[1]); // the page's (the LATERAL has a LIMIT 1 of its own)
      const later = rows.filter((r) => after(keyOf(r), params.slice(0, 3) as Key)).slice(0, limit);
      if (!text.includes('AS walked')) return served(later);
      const walked = rows.filter((r) => after(keyOf(r), params.slice(0, 3) as Key)).slice(0, WALK);
      const key = (r: RawExportRow, n: number | null) => ({
        measure_id: r.measureId,
        recipient_org: r.recipientOrg,
        year: r.year,
        walked: n,
      });
      const passing = walked.filter((r) => params[5] === null || r.office === params[5]).slice(0, PAGE_SIZE);
      const end = passing.length < PAGE_SIZE && walked.length > 0 ? [key(walked[walked.length - 1], walked.length)] : [];
      return served([...passing.map((r) => key(r, null)), ...end]);
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
    office: i < PAGE_SIZE || i >= 2 * PAGE_SIZE ? 'ROGALAND' : 'OSLO',
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

  it('Given a filter that no row of the second page passes, Then the rows that pass in key order, every key walked once, no empty page written', async () => {
    const rows = rowsOf(3 * PAGE_SIZE + 1);
    const { sql, asked } = fakeSql(rows);
    const pages: RawExportRow[][] = [];
    const n = await streamRawRows(sql, { office: 'ROGALAND' }, async (page) => void pages.push(page));
    const passing = rows.filter((r) => r.office === 'ROGALAND');
    expect(n).toBe(passing.length);
    expect(pages.map((p) => p.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 1]);
    expect(pages.flat()).toEqual(passing);
    // Each walk goes on after the last key of the page before: the keys of the second page were walked with the third.
    expect(asked).toEqual([['', '', -1], keyOf(rows[PAGE_SIZE - 1]), keyOf(rows[3 * PAGE_SIZE - 1])]);
  });

  it('Given a filter that only the very last row passes, Then walks of WALK keys each until it is found', async () => {
    const rows = rowsOf(2 * WALK + 1).map((r, i) => ({ ...r, office: i === 2 * WALK ? 'ROGALAND' : 'OSLO' }));
    const { sql, asked } = fakeSql(rows);
    const pages: RawExportRow[][] = [];
    expect(await streamRawRows(sql, { office: 'ROGALAND' }, async (page) => void pages.push(page))).toBe(1);
    expect(pages).toEqual([[rows[2 * WALK]]]);
    expect(asked).toEqual([['', '', -1], keyOf(rows[WALK - 1]), keyOf(rows[2 * WALK - 1])]);
  });

  it('Given exactly one page, Then the range after it is read once (empty) and the count is the page', async () => {
    const rows = rowsOf(PAGE_SIZE);
    const { sql, asked } = fakeSql(rows);
    expect(await streamRawRows(sql, {}, async () => undefined)).toBe(PAGE_SIZE);
    expect(asked).toEqual([['', '', -1], keyOf(rows[PAGE_SIZE - 1])]); // the first range ends at the last row
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
