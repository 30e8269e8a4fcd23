import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';

/**
 * A read model: its tables live in their own schema `rm_<name>`. `schema` and `apply` use unqualified
 * table names; the engine points `search_path` at the live schema, at a shadow schema during a rebuild,
 * or at a scratch schema for an as-of query. Table names must be unique across projections.
 */
export interface Projection {
  readonly name: string;
  /** Bump when `schema` or `apply` change meaning: the engine then rebuilds it blue/green. */
  readonly version: number;
  /** DDL creating the tables. */
  readonly schema: string;
  /** Event types it reads; others pass by without a call. */
  readonly handles: readonly string[];
  apply(event: StoredEvent, sql: Sql): Promise<void>;
  /**
   * Optional set-based form of `apply` for a run of events (in log order, only types in `handles`): must
   * leave the same tables as applying them one by one. Used by rebuilds and live batches for speed.
   */
  applyBatch?(events: StoredEvent[], sql: Sql): Promise<void>;
}

export function schemaOf(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`invalid projection name ${name}`);
  return `rm_${name}`;
}
