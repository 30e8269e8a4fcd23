import { randomBytes } from 'node:crypto';
import { withoutQueryLimit, type Sql, type SqlClient } from '#libs/db';
import { START, type EventStore } from '#libs/event-store';
import { applyTo, createSchema } from './apply.js';
import { schemaOf, type Projection } from './projection.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` against read models as they stood at global position `position` (R21): the named read models
 * are computed from the events up to there in scratch schemas, which `fn` sees through search_path.
 */
export async function readModelsAsOf<T>(
  sql: SqlClient,
  store: EventStore,
  projections: Projection[],
  position: number,
  pageSize: number,
  fn: (sql: Sql) => Promise<T>,
): Promise<T> {
  const tag = randomBytes(4).toString('hex');
  const targets = projections.map((p) => ({ p, schema: `${schemaOf(p.name)}__asof_${tag}` }));
  try {
    await sql.transaction(async (tx) => {
      for (const t of targets) await createSchema(tx, t.schema, t.p.schema);
    });
    let checkpoint = START;
    for (;;) {
      const page = await store.readAll(checkpoint, pageSize);
      if (page.events.length === 0) {
        if (page.heldBack) {
          await sleep(5);
          continue;
        }
        break;
      }
      checkpoint = page.events[page.events.length - 1].checkpoint;
      const events = page.events.filter((e) => e.globalPosition <= position);
      if (events.length === 0) continue;
      await sql.transaction(async (tx) => {
        for (const t of targets) await applyTo(tx, t.p, t.schema, null, events);
      });
    }
    return await sql.transaction(async (tx) => {
      await tx.exec(`SET LOCAL search_path TO ${targets.map((t) => t.schema).join(', ')}, public`);
      return fn(tx);
    });
  } finally {
    // Also after the request's time limit ran out (or its client went away): the scratch schemas must go.
    await withoutQueryLimit(() => sql.exec(targets.map((t) => `DROP SCHEMA IF EXISTS ${t.schema} CASCADE;`).join('\n')));
  }
}
