import type { SqlClient } from '#libs/db';
import { compareCheckpoints, START, type EventStore, type ReadAllResult } from '#libs/event-store';
import { applyTo, createSchema } from './apply.js';
import { readStates } from './checkpoints.js';
import { createAsOfViews, lockAsOfViews } from './history.js';
import { schemaOf, type Projection } from './projection.js';

export type RebuildProgress = (done: number, total: number) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  p: Projection;
  name: string;
  shadowName: string;
  shadowSchema: string;
  analysed?: boolean;
}

async function tablesIn(sql: SqlClient, schema: string): Promise<string[]> {
  const r = await sql.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = $1`,
    [schema],
  );
  return r.rows.map((t) => t.name);
}

/**
 * Rebuilds read models from position 0 into shadow schemas while the live copies keep answering, reading
 * the log once for all of them, then swaps each shadow in, atomically, once it is at least as far along as
 * its live copy (the live checkpoint row is locked during the swap, so live processing waits).
 */
export async function rebuildReadModels(
  sql: SqlClient,
  store: EventStore,
  projections: Projection[],
  pageSize: number,
  onProgress?: RebuildProgress,
): Promise<void> {
  const targets: Target[] = projections.map((p) => ({
    p,
    name: p.name,
    shadowName: `${p.name}__next`,
    shadowSchema: `${schemaOf(p.name)}__next`,
  }));
  await sql.transaction(async (tx) => {
    for (const t of targets) {
      await createSchema(tx, t.shadowSchema, t.p.schema);
      await tx.query(`DELETE FROM projection_state WHERE name = $1`, [t.shadowName]);
      await tx.query(`INSERT INTO projection_state (name, version) VALUES ($1, $2)`, [t.shadowName, t.p.version]);
    }
  });
  const total = await store.headPosition();
  let checkpoint = START;
  let position = 0;
  let pending = targets;
  let prefetched: Promise<ReadAllResult> | undefined;
  while (pending.length > 0) {
    const page = await (prefetched ?? store.readAll(checkpoint, pageSize));
    prefetched = undefined;
    if (page.events.length > 0) {
      const last = page.events[page.events.length - 1];
      // Read the next page while this one is applied (on a server, over another connection).
      prefetched = store.readAll(last.checkpoint, pageSize);
      prefetched.catch(() => undefined);
      await sql.transaction(async (tx) => {
        for (const t of pending) await applyTo(tx, t.p, t.shadowSchema, t.shadowName, page.events);
      });
      checkpoint = last.checkpoint;
      position = Math.max(position, last.globalPosition);
      onProgress?.(Math.min(position, total), total);
      continue;
    }
    if (page.heldBack) {
      await sleep(5);
      continue;
    }
    const still: Target[] = [];
    for (const t of pending) {
      // A rebuilt copy has never been analysed: without statistics the planner guesses (a sort of a whole table per page).
      const tables = t.analysed ? [] : await tablesIn(sql, t.shadowSchema);
      if (tables.length > 0) await sql.exec(`ANALYZE ${tables.join(', ')}`);
      t.analysed = true;
      if (!(await swapIn(sql, t, checkpoint))) still.push(t);
    }
    pending = still;
  }
  onProgress?.(Math.max(position, total), Math.max(position, total));
}

/** Swaps a caught-up shadow in place of the live read model; false when the live one got ahead (read on). */
function swapIn(sql: SqlClient, t: Target, cp: typeof START): Promise<boolean> {
  return sql.transaction(async (tx) => {
    const live = (await readStates(tx, [t.name], true)).get(t.name);
    if (live && compareCheckpoints(cp, live.checkpoint) < 0) return false;
    await lockAsOfViews(tx, schemaOf(t.name));
    await tx.exec(`DROP SCHEMA IF EXISTS ${schemaOf(t.name)} CASCADE; ALTER SCHEMA ${t.shadowSchema} RENAME TO ${schemaOf(t.name)};`);
    await createAsOfViews(tx, schemaOf(t.name));
    await tx.query(
      `INSERT INTO projection_state (name, version, checkpoint_major, checkpoint_minor, position, events_applied)
       SELECT $1, version, checkpoint_major, checkpoint_minor, position, events_applied FROM projection_state WHERE name = $2
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, checkpoint_major = EXCLUDED.checkpoint_major,
         checkpoint_minor = EXCLUDED.checkpoint_minor, position = EXCLUDED.position,
         events_applied = EXCLUDED.events_applied, updated_at = now()`,
      [t.name, t.shadowName],
    );
    await tx.query(`DELETE FROM projection_state WHERE name = $1`, [t.shadowName]);
    return true;
  });
}
