import { nextLink } from './page-route.js';
import { decodeCursor, encodeCursor, historyPage, PAGE_DEFAULT } from './pagination.js';
import { RequestValidationError } from './problem.filter.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof RequestValidationError ? e.errors : e;
  }
  throw new Error('not refused');
};

describe('cursors', () => {
  it('a cursor gives back the sort key it was made of, as PostgreSQL printed it', () => {
    const key = '[2027, "ROGALAND", "2026-12-02T14:09:28.123456+00:00"]';
    expect(decodeCursor(encodeCursor(key), ['int', 'text', 'timestamptz'])).toEqual([2027, 'ROGALAND', '2026-12-02T14:09:28.123456+00:00']);
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', encodeCursor('[2027')],
    ['another arity', encodeCursor('[2027]')],
    ['another type', encodeCursor('["2027", "ROGALAND", "2026-12-02"]')],
    ['an object', encodeCursor('{"year": 2027}')],
  ])('%s is refused, naming after', (_, cursor) => {
    expect(refusal(() => decodeCursor(cursor, ['int', 'text', 'date']))).toEqual([
      expect.objectContaining({ field: 'after', rule: 'isCursor' }),
    ]);
  });
});

describe('history pages', () => {
  const entries = Array.from({ length: 5 }, (_, i) => ({ position: (5 - i) * 10 }));

  it('pages by position, the next cursor after the last row, none on the last page', () => {
    const first = historyPage(entries, { limit: 2 });
    expect(first.items.map((e) => e.position)).toEqual([10, 20]);
    const second = historyPage(entries, { limit: 2, after: first.next! });
    expect(second.items.map((e) => e.position)).toEqual([30, 40]);
    const last = historyPage(entries, { limit: 2, after: second.next! });
    expect(last).toMatchObject({ items: [{ position: 50 }], next: null });
  });

  it(`answers ${PAGE_DEFAULT} rows when no limit is given`, () => {
    const many = Array.from({ length: PAGE_DEFAULT + 1 }, (_, i) => ({ position: i + 1 }));
    expect(historyPage(many, {}).items).toHaveLength(PAGE_DEFAULT);
  });
});

describe('the next link', () => {
  it('keeps the path and every other parameter, and replaces after', () => {
    expect(nextLink('/grants?office=ROGALAND&after=abc&asOf=42', 'def')).toBe('/grants?office=ROGALAND&after=def&asOf=42');
    expect(nextLink('/calls', 'xyz')).toBe('/calls?after=xyz');
  });
});
