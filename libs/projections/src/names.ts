import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { COUNTIES, GOVERNOR_OFFICES } from '#libs/reference-data';
import type { Projection } from './projection.js';
import { writeWholeRow, type WholeRowTable } from './row-writer.js';

/** A (key, name) pair an event tells: an organisation's number and name, a measure's id and title. */
export interface NamedKey {
  key: string;
  name: string;
}

/**
 * Where names come from in another capability's published events: the event types that carry them and how to read
 * the pairs from one (through that capability's upcasting). Provided by the capability that owns the names.
 */
export interface NameSource {
  readonly handles: readonly string[];
  read(event: StoredEvent): NamedKey[];
}

/**
 * A read model's own table of names (key → latest name), kept from another capability's events. Because it is a
 * table of the read model, it keeps its history too, and an as-of query (`?asOf=`, R21) answers the names as they stood then;
 * the directory ports answer only today's.
 */
export interface NamesTable {
  /** DDL to add to the read model's schema. */
  readonly schema: string;
  readonly handles: readonly string[];
  /** Whether this event is one of the names' (so the read model passes it here). */
  has(type: string): boolean;
  apply(event: StoredEvent, sql: Sql): Promise<void>;
  /** SQL for the name of a key expression (null when unknown). */
  nameOf(keyExpr: string): string;
  /** The names of these keys (for keys inside JSON documents); an unknown key is absent. */
  lookup(sql: Sql, keys: Iterable<string>): Promise<Map<string, string>>;
}

/** `table` must be unique across read models (they share one search_path): prefix it with the read model's. */
export function namesTable(table: string, source: NameSource): NamesTable {
  if (!/^[a-z][a-z0-9_]{0,50}$/.test(table)) throw new Error(`invalid names table ${table}`);
  const rows: WholeRowTable = { table, key: ['key'], columns: { key: 'text', name: 'text' } };
  return {
    schema: `CREATE TABLE ${table} (key text PRIMARY KEY, name text NOT NULL);`,
    handles: source.handles,
    has: (type) => source.handles.includes(type),
    async apply(event, sql) {
      // Written as a set with the rest of the run (row-writer.ts): names are told whole, the latest wins.
      for (const { key, name } of source.read(event)) await writeWholeRow(sql, rows, { key, name }, event.globalPosition);
    },
    async lookup(sql, keys) {
      const wanted = [...new Set(keys)];
      if (wanted.length === 0) return new Map();
      const r = await sql.query<NamedKey>(`SELECT key, name FROM ${table} WHERE key = ANY($1::text[])`, [wanted]);
      return new Map(r.rows.map((n) => [n.key, n.name]));
    },
    nameOf: (keyExpr) => `(SELECT ${table}.name FROM ${table} WHERE ${table}.key = ${keyExpr})`,
  };
}

/**
 * The read model `p` with its names tables: their DDL added to its schema and their events applied to them (an
 * event both handle goes to both). Bump `p.version` when adding one, so the read model is rebuilt with its names.
 */
export function withNames(p: Projection, ...tables: NamesTable[]): Projection {
  return {
    name: p.name,
    version: p.version,
    schema: [p.schema, ...tables.map((t) => t.schema)].join('\n'),
    handles: [...new Set([...p.handles, ...tables.flatMap((t) => t.handles)])],
    async apply(event, sql) {
      for (const t of tables) if (t.has(event.type)) await t.apply(event, sql);
      if (p.handles.includes(event.type)) await p.apply(event, sql);
    },
    ...(p.prefetch
      ? {
          prefetch: (events, sql) =>
            p.prefetch!(
              events.filter((e) => p.handles.includes(e.type)),
              sql,
            ),
        }
      : {}),
  };
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const caseOf = (expr: string, pairs: Array<[string, string]>) =>
  `(CASE ${expr} ${pairs.map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`).join(' ')} END)`;

/** SQL for a governor office's name from its code (static reference data, not events). */
export const officeNameSql = (codeExpr: string): string =>
  caseOf(
    codeExpr,
    GOVERNOR_OFFICES.map((o) => [o.code, o.name]),
  );

/** SQL for a county's name from its two-digit number (static reference data). */
export const countyNameSql = (numberExpr: string): string =>
  caseOf(
    numberExpr,
    COUNTIES.map((c) => [c.number, c.name]),
  );
