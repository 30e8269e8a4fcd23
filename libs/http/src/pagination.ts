import { ApiHideProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ReadParamsDto } from './dto.js';
import { RequestValidationError } from './problem.filter.js';

/** A page's size when `limit` is not given, and the largest `limit` accepted. */
export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 500;

/** What a list query asks for: at most `limit` rows after the row whose cursor is `after`. */
export interface PageRequest {
  limit?: number;
  after?: string;
}

/**
 * Base of every list-query DTO: `limit` (1–500, default 100) and `after` (the cursor of a `Link: rel="next"`), with
 * `minPosition` and `asOf`. Documented by @ApiPage(), so hidden here.
 */
export class PageQueryDto extends ReadParamsDto implements PageRequest {
  @ApiHideProperty() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PAGE_MAX) limit?: number;
  @ApiHideProperty() @IsOptional() @IsString() @MaxLength(2000) after?: string;
}

/** The paging part of a list query's DTO (its filters are the rest). */
export const pageOf = (dto: PageRequest): PageRequest => ({ limit: dto.limit, after: dto.after });

/** One page of a list: its rows and the cursor of the next page (none on the last). `libs/http` makes the Link. */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly next: string | null,
  ) {}

  map<U>(fn: (item: T) => U): Page<U> {
    return new Page(this.items.map(fn), this.next);
  }
}

/** The kind of a sort-key column: how its cursor value is checked and cast back in SQL. */
export type KeyType = 'text' | 'int' | 'bigint' | 'date' | 'timestamptz';

const badCursor = (why: string) =>
  new RequestValidationError([{ field: 'after', rule: 'isCursor', message: `after must be a cursor this list gave (${why})` }]);

const fits: Record<KeyType, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string',
  int: (v) => Number.isSafeInteger(v),
  bigint: (v) => Number.isSafeInteger(v) || (typeof v === 'string' && /^-?\d{1,18}$/.test(v)),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  timestamptz: (v) => typeof v === 'string' && (/^-?infinity$/.test(v) || !Number.isNaN(Date.parse(v))),
};

/** A cursor: the base64url of the last row's sort key (a JSON array). */
export const encodeCursor = (keyJson: string): string => Buffer.from(keyJson, 'utf8').toString('base64url');

/** The sort key a cursor holds, checked against the list's key types; a 400 naming `after` when it is not one. */
export function decodeCursor(cursor: string, types: readonly KeyType[]): unknown[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor('not base64url');
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('not a sort key');
  }
  if (!Array.isArray(key) || key.length !== types.length) throw badCursor('not a sort key of this list');
  types.forEach((t, i) => {
    if (!fits[t](key[i])) throw badCursor('not a sort key of this list');
  });
  return key;
}

/** The size of a page asked for (the DTO has already refused one out of range). */
export const limitOf = (page: PageRequest): number => page.limit ?? PAGE_DEFAULT;

/**
 * A page of a list that is not in SQL (an event stream's history), by the same cursor rules: rows sorted by a
 * unique key, those after the cursor's key, at most `limit`.
 */
export function pageOfSorted<T>(rows: T[], page: PageRequest, keyOf: (row: T) => number): Page<T> {
  const after = page.after === undefined ? undefined : (decodeCursor(page.after, ['bigint'])[0] as number);
  const limit = limitOf(page);
  const rest = rows.filter((r) => after === undefined || keyOf(r) > Number(after)).sort((a, b) => keyOf(a) - keyOf(b));
  const items = rest.slice(0, limit);
  const next = rest.length > limit ? encodeCursor(JSON.stringify([keyOf(items[items.length - 1])])) : null;
  return new Page(items, next);
}

/** A page of an aggregate's history (its events in global order; the position is the cursor). */
export const historyPage = <T extends { position: number }>(entries: T[], page: PageRequest): Page<T> =>
  pageOfSorted(entries, page, (h) => h.position);
