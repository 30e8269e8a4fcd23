import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { writeState } from './checkpoints.js';
import { addHistory } from './history.js';
import { PipelinedSql } from './pipeline.js';
import type { Projection } from './projection.js';

/** Creates a read model's schema from its DDL, each table with its history (`history.ts`). */
export async function createSchema(tx: Sql, schema: string, ddl: string): Promise<void> {
  await tx.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET LOCAL search_path TO ${schema}, public;`);
  await tx.exec(ddl);
  await addHistory(tx, schema);
}

/**
 * Applies events to one read model in `schema` (only the types it handles; no SQL at all when none) and,
 * when `stateName` is given, moves its checkpoint. Returns how many events it applied. Each event is applied with
 * `dekomp.position` set to its position (so its rows' history says when), and the writes of the whole run go to
 * the server together (`PipelinedSql`).
 */
export async function applyTo(tx: Sql, p: Projection, schema: string, stateName: string | null, events: StoredEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const handled = events.filter((e) => p.handles.includes(e.type));
  if (handled.length > 0) {
    const pipe = new PipelinedSql(tx);
    await pipe.exec(`SET LOCAL search_path TO ${schema}, public`);
    await p.prefetch?.(handled, pipe);
    for (const e of handled) {
      pipe.at(e.globalPosition);
      await p.apply(e, pipe);
    }
    await pipe.flush();
  }
  const last = events[events.length - 1];
  if (stateName) await writeState(tx, stateName, last.checkpoint, last.globalPosition, handled.length);
  return handled.length;
}
/** A read model that could not apply an event: it stops there, alone, until repaired (an upcaster, then a rebuild). */
export interface StuckReadModel {
  position: number;
  eventType: string;
  streamId: string;
  error: string;
  since: string;
}

export type ApplyResult = { applied: number; last: StoredEvent | null; stuck: (StuckReadModel & { cause: unknown }) | null };

/**
 * Applies a batch to one read model inside its own savepoint, so its failure rolls back only its own changes.
 * On a failure it finds the event that fails (one by one) and applies everything before it.
 */
export async function applyIsolated(tx: Sql, p: Projection, schema: string, events: StoredEvent[], now: () => Date): Promise<ApplyResult> {
  // Nothing this read model handles: nothing can fail, so no savepoint (two round trips per read model and batch).
  if (!events.some((e) => p.handles.includes(e.type))) return { applied: 0, last: events[events.length - 1] ?? null, stuck: null };
  await tx.exec('SAVEPOINT read_model');
  try {
    const applied = await applyTo(tx, p, schema, null, events);
    await tx.exec('RELEASE SAVEPOINT read_model');
    return { applied, last: events[events.length - 1], stuck: null };
  } catch {
    await tx.exec('ROLLBACK TO SAVEPOINT read_model');
  }
  let applied = 0;
  let last: StoredEvent | null = null;
  for (const e of events) {
    await tx.exec('SAVEPOINT read_model_event');
    try {
      applied += await applyTo(tx, p, schema, null, [e]);
      await tx.exec('RELEASE SAVEPOINT read_model_event');
      last = e;
    } catch (cause) {
      await tx.exec('ROLLBACK TO SAVEPOINT read_model_event');
      const error = cause instanceof Error ? cause.message : String(cause);
      return {
        applied,
        last,
        stuck: { position: e.globalPosition, eventType: e.type, streamId: e.streamId, error, since: now().toISOString(), cause },
      };
    }
  }
  return { applied, last, stuck: null };
}
