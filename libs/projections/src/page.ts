import type { SqlClient } from '#libs/db';
import { compareCheckpoints, type Checkpoint, type StoredEvent } from '#libs/event-store';
import { applyIsolated, applyTo, type StuckReadModel } from './apply.js';
import { readStates, writeStates } from './checkpoints.js';
import { PipelinedSql } from './pipeline.js';
import { schemaOf, type Projection } from './projection.js';

export interface PageOptions {
  /** A read model that cannot apply an event of the page: it stops there, alone. */
  onStuck(name: string, stuck: StuckReadModel & { cause: unknown }): void;
  /** Test seam: runs inside the transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
}

/** A page that failed when applied together (some read model could not apply an event): applied again isolated. */
class TogetherFailed extends Error {
  constructor(cause: unknown) {
    super('a read model could not apply the page', { cause });
  }
}

/**
 * Applies a page of the log to read models and moves their checkpoints, in one transaction. First together: all
 * their writes and the checkpoints go to the server in as few messages as the reads among them allow
 * (`PipelinedSql`). If any of it fails, that transaction is rolled back and the page applied again isolated: each
 * read model in its own savepoint, the failing event found and that read model stopped there alone.
 */
export async function applyPage(sql: SqlClient, readModels: Projection[], page: StoredEvent[], options: PageOptions): Promise<Moved[]> {
  try {
    return await applyPageOnce(sql, readModels, page, options, true);
  } catch (error) {
    if (!(error instanceof TogetherFailed)) throw error;
    return await applyPageOnce(sql, readModels, page, options, false);
  }
}

/** A read model's checkpoint, moved by a committed page. */
export interface Moved {
  name: string;
  checkpoint: Checkpoint;
}

function applyPageOnce(
  sql: SqlClient,
  readModels: Projection[],
  page: StoredEvent[],
  options: PageOptions,
  together: boolean,
): Promise<Moved[]> {
  return sql.transaction(async (raw) => {
    const tx = together ? new PipelinedSql(raw) : raw;
    const moved: Array<{ name: string; event: StoredEvent; applied: number }> = [];
    try {
      // Lock, then re-read: another process may have passed some of these events meanwhile.
      const locked = await readStates(
        tx,
        readModels.map((p) => p.name),
        true,
      );
      for (const p of readModels) {
        const state = locked.get(p.name);
        if (!state) continue;
        const events = page.filter((e) => compareCheckpoints(e.checkpoint, state.checkpoint) > 0);
        if (events.length === 0) continue;
        if (together) {
          moved.push({ name: p.name, event: events[events.length - 1], applied: await applyTo(tx, p, schemaOf(p.name), null, events) });
          continue;
        }
        const r = await applyIsolated(tx, p, schemaOf(p.name), events, () => new Date());
        if (r.last) moved.push({ name: p.name, event: r.last, applied: r.applied });
        if (r.stuck) options.onStuck(p.name, r.stuck);
      }
      await writeStates(
        tx,
        moved.map((m) => ({ name: m.name, checkpoint: m.event.checkpoint, position: m.event.globalPosition, applied: m.applied })),
      );
      if (tx instanceof PipelinedSql) await tx.flush();
    } catch (cause) {
      throw together ? new TogetherFailed(cause) : cause;
    }
    await options.beforeCommit?.();
    return moved.map((m) => ({ name: m.name, checkpoint: m.event.checkpoint }));
  });
}
