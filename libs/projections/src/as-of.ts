import type { Sql, SqlClient } from '#libs/db';
import { asOfSchemaOf } from './history.js';
import { schemaOf, type Projection } from './projection.js';

/**
 * Runs `fn` against read models as they stood at global position `position` (R21): in one transaction whose
 * search_path points at their as-of views (`history.ts`) and whose `dekomp.as_of` is the position, so `fn`'s
 * queries read the rows valid then. The caller has waited until the read models passed `position`.
 */
export function readModelsAsOf<T>(sql: SqlClient, projections: Projection[], position: number, fn: (sql: Sql) => Promise<T>): Promise<T> {
  if (!Number.isSafeInteger(position) || position < 0) throw new Error(`invalid as-of position ${position}`);
  const path = [...projections.map((p) => asOfSchemaOf(schemaOf(p.name))), 'public'].join(', ');
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT set_config('search_path', $1, true), set_config('dekomp.as_of', $2, true)`, [path, String(position)]);
    return fn(tx);
  });
}
