import { EventEmitter } from 'node:events';
import type { Sql, SqlClient } from '#libs/db';
import { compareCheckpoints, type Checkpoint, type EventStore } from '#libs/event-store';
import { createSchema, type StuckReadModel } from './apply.js';
import { readModelsAsOf } from './as-of.js';
import { readStates } from './checkpoints.js';
import { createAsOfViews, ensureAsOfViews } from './history.js';
import { applyPage } from './page.js';
import { schemaOf, type Projection } from './projection.js';
import { rebuildReadModels, type RebuildProgress } from './rebuild.js';

export type { RebuildProgress } from './rebuild.js';
export type { StuckReadModel } from './apply.js';

export interface ProjectionEngineOptions {
  batchSize?: number;
  /** How long the loop sleeps with nothing to do and no signal (other processes' appends, held-back reads). */
  idleMs?: number;
  /** Where appends are announced, when the engine reads through another store instance than the writers use. */
  signals?: Pick<EventStore, 'onAppended'>;
  /** Test seam: runs inside each live batch transaction just before it commits. */
  beforeCommit?: () => Promise<void>;
  log?: (message: string, detail?: Record<string, unknown>) => void;
  /** Where a read model that cannot apply an event is reported (at error level). */
  logError?: (message: string, detail?: Record<string, unknown>) => void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  position: number;
  head: number;
  lag: number;
  rebuilding: boolean;
  /** Set when the read model stopped at an event it cannot apply; the others go on. */
  stuck: StuckReadModel | null;
}

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
  private readonly stuck = new Map<string, StuckReadModel>();
  /** The checkpoint each read model was last seen at (committed here or read): for waits that need not ask. */
  private readonly committed = new Map<string, Checkpoint>();

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
    const states = await readStates(
      this.sql,
      this.projections.map((p) => p.name),
    );
    for (const p of this.projections) {
      const state = states.get(p.name);
      if (!state) {
        await this.sql.transaction(async (tx) => {
          await createSchema(tx, schemaOf(p.name), p.schema);
          await createAsOfViews(tx, schemaOf(p.name));
          await tx.query(`INSERT INTO projection_state (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [p.name, p.version]);
        });
      } else if (state.version === p.version) {
        await ensureAsOfViews(this.sql, schemaOf(p.name));
      } else {
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

  /** The read models that are not stuck (a stuck one is retried after a restart or a rebuild). */
  private live(): Projection[] {
    return this.projections.filter((p) => !this.stuck.has(p.name));
  }

  /** One batch for every live read model. Returns whether anything was read. */
  async step(): Promise<boolean> {
    this.dirty = false;
    const names = this.live().map((p) => p.name);
    if (names.length === 0) return false;
    const states = await readStates(this.sql, names);
    if (states.size === 0) return false;
    const from = [...states.values()].map((s) => s.checkpoint).reduce((a, b) => (compareCheckpoints(a, b) <= 0 ? a : b));
    const page = await this.store.readAll(from, this.batchSize);
    this.heldBack = page.heldBack;
    if (page.events.length === 0) return false;
    const moved = await applyPage(this.sql, this.live(), page.events, {
      onStuck: (name, stuck) => this.markStuck(name, stuck),
      beforeCommit: this.options.beforeCommit,
    });
    for (const m of moved) this.noteCommitted(m.name, m.checkpoint);
    this.emitter.emit('progress');
    return true;
  }

  /** Checkpoints only move forward (a rebuild swaps in a copy at least as far along), so the highest seen holds. */
  private noteCommitted(name: string, checkpoint: Checkpoint): void {
    const known = this.committed.get(name);
    if (!known || compareCheckpoints(checkpoint, known) > 0) this.committed.set(name, checkpoint);
  }

  private markStuck(name: string, s: StuckReadModel & { cause: unknown }): void {
    const { cause, ...stuck } = s;
    this.stuck.set(name, stuck);
    this.options.logError?.(
      `read model ${name} stopped at position ${stuck.position}: it cannot apply ${stuck.eventType} of ${stuck.streamId}; the other read models go on. Repair the event's reading (an upcaster), then rebuild ${name}.`,
      { readModel: name, ...stuck, err: cause },
    );
  }

  /**
   * Resolves true once every read model (or the named ones) has passed the event at `position`;
   * false when `timeoutMs` runs out first.
   */
  async waitFor(position: number | Checkpoint, timeoutMs: number, names?: string[]): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    // By default a stuck read model is not waited for: it must not hold every read-your-writes query.
    const wanted = names ?? this.live().map((p) => p.name);
    let target: Checkpoint | null = typeof position === 'number' ? null : position;
    for (;;) {
      target ??= await this.store.checkpointOf(position as number);
      if (target) {
        const t = target;
        const passed = (checkpoints: Map<string, Checkpoint>) =>
          wanted.every((n) => {
            const c = checkpoints.get(n);
            return c !== undefined && compareCheckpoints(c, t) >= 0;
          });
        // What this process committed is known without asking; another process's progress is read.
        if (passed(this.committed)) return true;
        const states = await readStates(this.sql, wanted);
        for (const [n, st] of states) this.noteCommitted(n, st.checkpoint);
        if (passed(this.committed)) return true;
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
    const states = await readStates(
      this.sql,
      this.projections.map((p) => p.name),
    );
    return this.projections.map((p) => {
      const s = states.get(p.name);
      const position = s?.position ?? 0;
      return {
        name: p.name,
        version: s?.version ?? 0,
        position,
        head,
        lag: Math.max(0, head - position),
        rebuilding: this.rebuilding.has(p.name),
        stuck: this.stuck.get(p.name) ?? null,
      };
    });
  }

  /** Rebuilds read models (blue/green, see rebuildReadModels); a stuck one that rebuilds cleanly goes live again. */
  async rebuild(names: string | string[], onProgress?: RebuildProgress): Promise<void> {
    const list = typeof names === 'string' ? [names] : [...new Set(names)];
    const targets = list.map((name) => {
      const p = this.byName.get(name);
      if (!p) throw new Error(`unknown read model ${name}; known: ${[...this.byName.keys()].join(', ')}`);
      if (this.rebuilding.has(name)) throw new Error(`read model ${name} is being rebuilt already`);
      return p;
    });
    for (const p of targets) this.rebuilding.add(p.name);
    try {
      await rebuildReadModels(this.sql, this.store, targets, this.batchSize * 4, onProgress);
      for (const p of targets) this.stuck.delete(p.name);
      this.signal();
      this.emitter.emit('progress');
    } finally {
      for (const p of targets) this.rebuilding.delete(p.name);
    }
  }

  /**
   * Runs `fn` on the named read models as they stood at a global position (R21): a `WHERE` on their rows'
   * history, once they have passed that position (waited for, bounded, when it is recent).
   */
  async asOf<T>(position: number, names: string[], fn: (sql: Sql) => Promise<T>, timeoutMs = 10_000): Promise<T> {
    const targets = names.map((n) => {
      const p = this.byName.get(n);
      if (!p) throw new Error(`unknown read model ${n}`);
      return p;
    });
    // Read once the read models have passed that event (known from memory when this process applied it); a
    // position past the head, or one no event took (a failed append), once they have passed the head.
    const target = (await this.store.checkpointOf(position)) ?? (await this.store.headPosition());
    if (target !== 0 && !(await this.waitFor(target, timeoutMs, names))) {
      const at = typeof target === 'number' ? target : position;
      throw new Error(`read models ${names.join(', ')} did not reach position ${at} within ${timeoutMs} ms`);
    }
    return readModelsAsOf(this.sql, targets, position, fn);
  }
}
