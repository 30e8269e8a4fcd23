import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';

/**
 * A read model: its tables live in their own schema `rm_<name>`. `schema` and `apply` use unqualified
 * table names; the engine points `search_path` at the live schema, at a shadow schema during a rebuild,
 * or at its as-of views (`history.ts`) for an as-of query. Table names must be unique across projections.
 */
export interface Projection {
  readonly name: string;
  /** Bump when `schema` or `apply` change meaning: the engine then rebuilds it blue/green. */
  readonly version: number;
  /** DDL creating the tables. */
  readonly schema: string;
  /** Event types it reads; others pass by without a call. */
  readonly handles: readonly string[];
  /**
   * Applies one event. Its writes may be held and sent with the rest of the batch (see `PipelinedSql`): a write's
   * `rowCount` cannot be read; use RETURNING, or a SELECT, to read what a write did. Every table needs a primary
   * key (its history is kept by it).
   */
  apply(event: StoredEvent, sql: Sql): Promise<void>;
  /**
   * Optional: loads, in one query or a few, the rows `apply` will read for a run of events (only types in
   * `handles`), into `batchMemo(sql, …)`, so that applying them reads nothing (each read is a round trip).
   */
  prefetch?(events: StoredEvent[], sql: Sql): Promise<void>;
}

export function schemaOf(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`invalid projection name ${name}`);
  return `rm_${name}`;
}
