import type { Sql } from '#libs/db';
import { decodeCursor, encodeCursor, limitOf, Page, type KeyType, type PageRequest } from './pagination.js';

/** One column of a list's sort key: an expression over the list query's output columns (e.g. `"callId"`). */
export interface SortKey {
  expr: string;
  type: KeyType;
  desc?: boolean;
}

/** A list query to page: its SELECT (with `$1…` parameters), its unique, non-null sort key, columns to leave out. */
export interface PageSpec {
  select: string;
  params: unknown[];
  key: readonly SortKey[];
  /** Output columns that are only there for the sort key. */
  hide?: readonly string[];
}

const PAGE_KEY = '__pageKey';

/** `(k1, k2) > ($a, $b)` when every column sorts one way; else the lexicographic OR-chain of the mixed directions. */
function afterCursor(key: readonly SortKey[], refs: string[]): string {
  if (key.every((k) => !!k.desc === !!key[0].desc)) {
    return `(${key.map((k) => k.expr).join(', ')}) ${key[0].desc ? '<' : '>'} (${refs.join(', ')})`;
  }
  const terms = key.map((k, i) => {
    const equal = key.slice(0, i).map((e, j) => `${e.expr} = ${refs[j]}`);
    return `(${[...equal, `${k.expr} ${k.desc ? '<' : '>'} ${refs[i]}`].join(' AND ')})`;
  });
  return `(${terms.join(' OR ')})`;
}

/**
 * One page of a list, in SQL: `WHERE (key) > (cursor) ORDER BY key LIMIT n + 1` over the list's query, so the order
 * is stable and a row written between two page requests neither repeats a row nor hides one. The cursor of the next
 * page is the last row's key as PostgreSQL prints it (exact for every type); an `after` that is not such a key is a
 * 400 naming `after`.
 */
export async function queryPage<T extends object>(sql: Sql, page: PageRequest, spec: PageSpec): Promise<Page<T>> {
  const params = [...spec.params];
  let where = '';
  if (page.after !== undefined) {
    const values = decodeCursor(
      page.after,
      spec.key.map((k) => k.type),
    );
    const refs = values.map((v, i) => {
      params.push(v);
      return `$${params.length}::${spec.key[i].type}`;
    });
    where = `WHERE ${afterCursor(spec.key, refs)}`;
  }
  const limit = limitOf(page);
  params.push(limit + 1);
  const keyJson = `json_build_array(${spec.key.map((k) => k.expr).join(', ')})::text`;
  const order = spec.key.map((k) => `${k.expr}${k.desc ? ' DESC' : ''}`).join(', ');
  const rows = (
    await sql.query<Record<string, unknown>>(
      `SELECT page_rows.*, ${keyJson} AS "${PAGE_KEY}" FROM (${spec.select}) AS page_rows ${where} ORDER BY ${order} LIMIT $${params.length}`,
      params,
    )
  ).rows;
  const items = rows.slice(0, limit);
  const next = rows.length > limit ? encodeCursor(String(items[items.length - 1][PAGE_KEY])) : null;
  const hidden = [PAGE_KEY, ...(spec.hide ?? [])];
  return new Page(
    items.map((row) => {
      for (const column of hidden) delete row[column];
      return row as T;
    }),
    next,
  );
}
