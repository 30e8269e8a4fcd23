import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { Sql, SqlClient } from '#libs/db';
import { compareCheckpoints, START, type Checkpoint, type EventStore, type ReadAllResult, type StoredEvent } from '#libs/event-store';
import { readStates, writeState, writeStates } from './checkpoints.js';
import { schemaOf, type Projection } from './projection.js';

export interface ProjectionEngineOptions {
  batchSize?: number;
  /** How long the loop sleeps with nothing to do and no signal (other processes' appends, held-back reads). */
  idleMs?: number;
  /** Where appends are announced, when the engine reads through another store instance than the writers use. */
  signals?: Pick<EventStore, 'onAppended'>;
  /** Test seam: runs inside each live batch transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  position: number;
  head: number;
  lag: number;
  rebuilding: boolean;
}

export type RebuildProgress = (done: number, total: number) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs read models from the event log, exactly once: each batch's read-model changes and the projection's
 * checkpoint commit in one transaction, with the checkpoint rows locked (FOR UPDATE), so a crash never
 * applies an event twice or loses one, and two processes (or live processing and a rebuild's swap)
 * never race.
 */
export class ProjectionEngine {
  private readonly byName: Map<string, Projection>;
  private readonly emitter = new EventEmitter();
  private readonly batchSize: number;
  private readonly idleMs: number;
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  private dirty = true;
  private heldBack = false;
  private unsubscribe?: () => void;
  private readonly rebuilding = new Set<string>();

  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectionEngineOptions = {},
  ) {
    this.byName = new Map(projections.map((p) => [p.name, p]));
    if (this.byName.size !== projections.length) throw new Error('duplicate projection names');
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 500;
    this.emitter.setMaxListeners(0);
  }

  /** The schemas of the live read models, for the session's search_path. */
  get schemas(): string[] {
    return this.projections.map((p) => schemaOf(p.name));
  }

  /**
   * Creates missing read models. A read model whose version changed is rebuilt blue/green in the
   * background (`onRebuild` gets the promise) while the old copy keeps answering.
   */
  async ensure(onRebuild?: (name: string, done: Promise<void>) => void): Promise<void> {
    const states = await readStates(this.sql, this.projections.map((p) => p.name));
    for (const p of this.projections) {
      const state = states.get(p.name);
      if (!state) {
        await this.sql.transaction(async (tx) => {
          await createSchema(tx, schemaOf(p.name), p.schema);
          await tx.query(`INSERT INTO projection_state (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
            p.name,
            p.version,
          ]);
        });
      } else if (state.version !== p.version) {
        this.options.log?.(`read model ${p.name} is at version ${state.version}, code at ${p.version}: rebuilding`);
        const done = this.rebuild(p.name);
        onRebuild?.(p.name, done);
      }
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = (this.options.signals ?? this.store).onAppended(() => this.signal());
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.signal();
    await this.loopDone;
  }

  private signal(): void {
    this.dirty = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let progressed = false;
      try {
        progressed = await this.step();
      } catch (error) {
        this.options.log?.('projection batch failed; retrying', { error: String(error) });
        await sleep(1000);
      }
      if (!progressed && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.heldBack ? 5 : this.idleMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
          if (this.dirty) this.wake();
        });
        this.wake = undefined;
      }
    }
  }

  /** Processes everything readable now. For tests and CLI commands that run without the loop. */
  async catchUp(): Promise<void> {
    while ((await this.step()) || this.heldBack) if (this.heldBack) await sleep(5);
  }

  /** One batch for every live read model. Returns whether anything was read. */
  async step(): Promise<boolean> {
    this.dirty = false;
    const names = this.projections.map((p) => p.name);
    const states = await readStates(this.sql, names);
    if (states.size === 0) return false;
    const from = [...states.values()].map((s) => s.checkpoint).reduce((a, b) => (compareCheckpoints(a, b) <= 0 ? a : b));
    const page = await this.store.readAll(from, this.batchSize);
    this.heldBack = page.heldBack;
    if (page.events.length === 0) return false;
    await this.sql.transaction(async (tx) => {
      // Lock, then re-read: another process may have passed some of these events meanwhile.
      const locked = await readStates(tx, names, true);
      const moved: Array<{ name: string; event: StoredEvent; applied: number }> = [];
      for (const p of this.projections) {
        const state = locked.get(p.name);
        if (!state) continue;
        const events = page.events.filter((e) => compareCheckpoints(e.checkpoint, state.checkpoint) > 0);
        if (events.length === 0) continue;
        const applied = await applyTo(tx, p, schemaOf(p.name), null, events);
        moved.push({ name: p.name, event: events[events.length - 1], applied });
      }
      await writeStates(tx, moved.map((m) => ({ name: m.name, checkpoint: m.event.checkpoint, position: m.event.globalPosition, applied: m.applied })));
      await this.options.beforeCommit?.();
    });
    this.emitter.emit('progress');
    return true;
  }

  /**
   * Resolves true once every read model (or the named ones) has passed the event at `position`;
   * false when `timeoutMs` runs out first.
   */
  async waitFor(position: number, timeoutMs: number, names?: string[]): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const wanted = names ?? this.projections.map((p) => p.name);
    let target: Checkpoint | null = null;
    for (;;) {
      target ??= await this.store.checkpointOf(position);
      if (target) {
        const states = await readStates(this.sql, wanted);
        const t = target;
        if (wanted.every((n) => { const s = states.get(n); return s !== undefined && compareCheckpoints(s.checkpoint, t) >= 0; })) return true;
      }
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 25));
        function done() {
          clearTimeout(timer);
          emitter.off('progress', done);
          resolve();
        }
        const emitter = this.emitter;
        emitter.on('progress', done);
      });
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    const states = await readStates(this.sql, this.projections.map((p) => p.name));
    return this.projections.map((p) => {
      const s = states.get(p.name);
      const position = s?.position ?? 0;
      return { name: p.name, version: s?.version ?? 0, position, head, lag: Math.max(0, head - position), rebuilding: this.rebuilding.has(p.name) };
    });
  }

  /**
   * Rebuilds read models from position 0 into shadow schemas while the live copies keep answering, reading
   * the log once for all of them, then swaps each shadow in, atomically, once it is at least as far along as
   * its live copy (the live checkpoint row is locked during the swap, so live processing waits).
   */
  async rebuild(names: string | string[], onProgress?: RebuildProgress): Promise<void> {
    const list = typeof names === 'string' ? [names] : [...new Set(names)];
    const targets = list.map((name) => {
      const p = this.byName.get(name);
      if (!p) throw new Error(`unknown read model ${name}; known: ${[...this.byName.keys()].join(', ')}`);
      if (this.rebuilding.has(name)) throw new Error(`read model ${name} is being rebuilt already`);
      return { p, name, shadowName: `${name}__next`, shadowSchema: `${schemaOf(name)}__next` };
    });
    for (const t of targets) this.rebuilding.add(t.name);
    try {
      await this.sql.transaction(async (tx) => {
        for (const t of targets) {
          await createSchema(tx, t.shadowSchema, t.p.schema);
          await tx.query(`DELETE FROM projection_state WHERE name = $1`, [t.shadowName]);
          await tx.query(`INSERT INTO projection_state (name, version) VALUES ($1, $2)`, [t.shadowName, t.p.version]);
        }
      });
      const total = await this.store.headPosition();
      let checkpoint = START;
      let position = 0;
      let pending = targets;
      let prefetched: Promise<ReadAllResult> | undefined;
      while (pending.length > 0) {
        const page = await (prefetched ?? this.store.readAll(checkpoint, this.batchSize * 4));
        prefetched = undefined;
        if (page.events.length > 0) {
          const last = page.events[page.events.length - 1];
          // Read the next page while this one is applied (on a server, over another connection).
          prefetched = this.store.readAll(last.checkpoint, this.batchSize * 4);
          prefetched.catch(() => undefined);
          await this.sql.transaction(async (tx) => {
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
        const cp = checkpoint;
        const still: typeof pending = [];
        for (const t of pending) {
          const swapped = await this.sql.transaction(async (tx) => {
            const live = (await readStates(tx, [t.name], true)).get(t.name);
            if (live && compareCheckpoints(cp, live.checkpoint) < 0) return false; // live got ahead: read on
            await tx.exec(`DROP SCHEMA IF EXISTS ${schemaOf(t.name)} CASCADE; ALTER SCHEMA ${t.shadowSchema} RENAME TO ${schemaOf(t.name)};`);
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
          if (!swapped) still.push(t);
        }
        pending = still;
      }
      onProgress?.(Math.max(position, total), Math.max(position, total));
      this.emitter.emit('progress');
    } finally {
      for (const t of targets) this.rebuilding.delete(t.name);
    }
  }

  /**
   * Runs `fn` against read models as they stood at global position `position` (R21): the named read models
   * are computed from the events up to there in scratch schemas, which `fn` sees through search_path.
   */
  async asOf<T>(position: number, names: string[], fn: (sql: Sql) => Promise<T>): Promise<T> {
    const tag = randomBytes(4).toString('hex');
    const targets = names.map((n) => {
      const p = this.byName.get(n);
      if (!p) throw new Error(`unknown read model ${n}`);
      return { p, schema: `${schemaOf(n)}__asof_${tag}` };
    });
    try {
      await this.sql.transaction(async (tx) => {
        for (const t of targets) await createSchema(tx, t.schema, t.p.schema);
      });
      let checkpoint = START;
      for (;;) {
        const page = await this.store.readAll(checkpoint, this.batchSize * 4);
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
        await this.sql.transaction(async (tx) => {
          for (const t of targets) await applyTo(tx, t.p, t.schema, null, events);
        });
      }
      return await this.sql.transaction(async (tx) => {
        await tx.exec(`SET LOCAL search_path TO ${targets.map((t) => t.schema).join(', ')}, public`);
        return fn(tx);
      });
    } finally {
      await this.sql.exec(targets.map((t) => `DROP SCHEMA IF EXISTS ${t.schema} CASCADE;`).join('\n'));
    }
  }
}

async function createSchema(tx: Sql, schema: string, ddl: string): Promise<void> {
  await tx.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET LOCAL search_path TO ${schema}, public;`);
  await tx.exec(ddl);
}

/**
 * Applies events to one read model in `schema` (only the types it handles; no SQL at all when none) and,
 * when `stateName` is given, moves its checkpoint. Returns how many events it applied.
 */
async function applyTo(tx: Sql, p: Projection, schema: string, stateName: string | null, events: StoredEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const handled = events.filter((e) => p.handles.includes(e.type));
  if (handled.length > 0) await tx.exec(`SET LOCAL search_path TO ${schema}, public`);
  if (p.applyBatch && handled.length > 1) await p.applyBatch(handled, tx);
  else for (const e of handled) await p.apply(e, tx);
  const applied = handled.length;
  const last = events[events.length - 1];
  if (stateName) await writeState(tx, stateName, last.checkpoint, last.globalPosition, applied);
  return applied;
}
