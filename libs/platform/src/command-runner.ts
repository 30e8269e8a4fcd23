import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { SqlClient } from '#libs/db';
import { ConcurrencyError, IdempotencyKeyUsedError, type EventStore, type StoredEvent } from '#libs/event-store';
import type { Aggregate } from './aggregate.js';
import { eventsOf, schemaVersionOf } from './aggregate.js';
import { IdempotencyKeyReusedError, PreconditionFailedError, type CommandMeta } from './command-meta.js';
import type { CommandOutcome } from './command-outcome.js';
import type { DomainEvent, Warning } from './decider.js';
import { EVENT_STORE, SQL_CLIENT } from './tokens.js';

/** Told of every command's latency and outcome (metrics); provided by the observability module. */
export interface CommandObserver {
  commandDone(command: string, outcome: 'written' | 'unchanged' | 'replayed' | 'refused', seconds: number, stream?: string): void;
}
export const COMMAND_OBSERVER = Symbol('COMMAND_OBSERVER');

export interface RunOptions<S, E extends DomainEvent> {
  /** The resource id in the outcome, when it is not the aggregate id (a grant inside its office's ledger). */
  resourceId?: string;
  /** Why (R21): stored in the events' metadata. */
  reason?: string;
  /** Whether the command created the resource; by default, when the stream was new. */
  created?: boolean;
  /**
   * The resource's version (its ETag, checked against If-Match) from the stream's state and version; by
   * default the stream's version. A grant, whose decision lives in the office ledger, counts its own changes.
   */
  resourceVersion?: (state: S, streamVersion: number) => number;
  /** Extra outcome fields from the new state and the events written. */
  extra?: (state: S, events: E[]) => Record<string, unknown>;
  /**
   * On a version conflict, load and decide again (at most 3 times) instead of answering 409. Only where the
   * command's facts do not depend on the stream it writes; never when the client sent If-Match.
   */
  retryOnConflict?: boolean;
  /**
   * The id was generated for this command (a new stream): nothing to load, the command is decided against the
   * initial state and appended expecting no stream (which guards it as a load would). One round trip less.
   */
  newStream?: boolean;
}

/** A command: fixed, or built from the aggregate's current state (for facts the state holds). */
export type CommandOf<C, S> = C | ((state: S) => C);

/** A stream loaded and folded. */
export interface Loaded<S, E extends DomainEvent> {
  state: S;
  version: number;
  events: E[];
  stored: StoredEvent[];
}

const MAX_ATTEMPTS = 3;

/**
 * The one command path: load the aggregate's stream, fold it, let the pure decider decide, append with the
 * expected version (and the idempotency record in the same transaction), and return the outcome. Version
 * conflicts (409), If-Match (412), idempotent replays and retries live here and nowhere else.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Optional() @Inject(COMMAND_OBSERVER) private readonly observer?: CommandObserver,
  ) {}

  /** An aggregate's state and version, for handlers that need facts from another stream of their own. */
  async load<C, S, E extends DomainEvent>(aggregate: Aggregate<C, S, E>, id: string, asOf?: number): Promise<Loaded<S, E>> {
    const stored = await this.store.readStream(aggregate.streamOf(id), asOf === undefined ? {} : { maxPosition: asOf });
    const events = eventsOf(aggregate, stored);
    const state = events.reduce((s, e) => aggregate.decider.evolve(s, e), aggregate.decider.initialState);
    return { state, version: stored.length === 0 ? 0 : stored[stored.length - 1].streamVersion, events, stored };
  }

  /**
   * A what-if run: the command decided against the aggregate's current state, without writing anything. Returns
   * the events it would write and the state after them (the decider's violations throw as in a real run).
   */
  async simulate<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    id: string,
    command: CommandOf<C, S>,
  ): Promise<{ events: E[]; before: S; after: S; version: number }> {
    const { state, version } = await this.load(aggregate, id);
    const built = typeof command === 'function' ? (command as (s: S) => C)(state) : command;
    const events = aggregate.decider.decide(built, state);
    return { events, before: state, after: events.reduce((s, e) => aggregate.decider.evolve(s, e), state), version };
  }

  async run<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    id: string,
    command: CommandOf<C, S>,
    meta: CommandMeta,
    options: RunOptions<S, E> = {},
  ): Promise<CommandOutcome> {
    if (!this.observer) return this.runObserved(aggregate, id, command, meta, options);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const o = await this.runObserved(aggregate, id, command, meta, options);
      const outcome = o.replayed ? 'replayed' : o.position > 0 ? 'written' : 'unchanged';
      this.observer.commandDone(aggregate.name, outcome, seconds(), aggregate.streamOf(id));
      return o;
    } catch (error) {
      this.observer.commandDone(aggregate.name, 'refused', seconds(), aggregate.streamOf(id));
      throw error;
    }
  }

  private async runObserved<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    id: string,
    command: CommandOf<C, S>,
    meta: CommandMeta,
    options: RunOptions<S, E>,
  ): Promise<CommandOutcome> {
    // No lookup of the key first: a retry whose key is used fails to append (the key is written with the events)
    // or fails to decide, and then answers the first answer; one round trip less for every first request.
    const idem = meta.idempotency;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(aggregate, id, command, meta, options);
      } catch (error) {
        if (idem) {
          // A concurrent request with the same key may have won: every retry answers what the first answered.
          const replay = await this.replayAfterRace(idem.key, idem.requestHash, error);
          if (replay) return replay;
        }
        const retry = error instanceof ConcurrencyError && options.retryOnConflict && meta.ifMatch === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private async attempt<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    id: string,
    command: CommandOf<C, S>,
    meta: CommandMeta,
    o: RunOptions<S, E>,
  ): Promise<CommandOutcome> {
    const { state, version } = o.newStream ? { state: aggregate.decider.initialState, version: 0 } : await this.load(aggregate, id);
    const resourceVersion = (s: S, v: number) => (o.resourceVersion ? o.resourceVersion(s, v) : v);
    // A command built from the state may refuse first (R20 on the loaded resource): no version leaks to outsiders.
    const built = typeof command === 'function' ? (command as (s: S) => C)(state) : command;
    const current = resourceVersion(state, version);
    if (meta.ifMatch !== undefined && meta.ifMatch !== current) throw new PreconditionFailedError(meta.ifMatch, current);
    const decider = aggregate.decider;
    const events = decider.decide(built, state);
    const resourceId = o.resourceId ?? id;
    if (events.length === 0) {
      // Nothing to write: a retry of a request that wrote already (its key is used) answers the first answer.
      const replay = meta.idempotency && (await this.replay(meta.idempotency.key, meta.idempotency.requestHash));
      return replay || { id: resourceId, version: current, position: 0, events: [], warnings: [], created: false, extra: {} };
    }
    const newState = events.reduce((s, e) => decider.evolve(s, e), state);
    const warnings = events.flatMap((e) => (e.data as { warnings?: Warning[] }).warnings ?? []);
    const extra = o.extra?.(newState, events) ?? {};
    const created = o.created ?? version === 0;
    const outcome = (r: { streamVersion: number; lastPosition: number }): CommandOutcome => ({
      id: resourceId,
      version: resourceVersion(newState, r.streamVersion),
      position: r.lastPosition,
      events,
      warnings,
      created,
      extra,
    });
    const idem = meta.idempotency;
    const result = await this.store.append(
      aggregate.streamOf(id),
      events.map((e) => ({
        type: e.type,
        schemaVersion: schemaVersionOf(aggregate, e.type),
        data: e.data,
        metadata: {
          actor: meta.actor,
          correlationId: meta.correlationId,
          causationId: null,
          idempotencyKey: idem?.key ?? null,
          ...(o.reason ? { reason: o.reason } : {}),
        },
      })),
      version === 0 ? 'no_stream' : version,
      idem ? { idempotency: { key: idem.key, requestHash: idem.requestHash, outcome } } : undefined,
    );
    return outcome(result);
  }

  /** After a failed attempt: the first answer of a concurrent request with the same key, once it has committed. */
  private async replayAfterRace(key: string, requestHash: string, error: unknown): Promise<CommandOutcome | undefined> {
    const raced = error instanceof IdempotencyKeyUsedError || error instanceof ConcurrencyError;
    for (let wait = 0; wait < (raced ? 5 : 1); wait++) {
      const replay = await this.replay(key, requestHash);
      if (replay) return replay;
      if (raced) await sleep(20 * (wait + 1));
    }
    return undefined;
  }

  private async replay(key: string, requestHash: string): Promise<CommandOutcome | undefined> {
    const r = await this.sql.query<{ request_hash: string; response: unknown }>(
      'SELECT request_hash, response FROM idempotency_keys WHERE key = $1',
      [key],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    if (row.request_hash !== requestHash) throw new IdempotencyKeyReusedError(key.replace(/^[^:]*:/, ''));
    const stored = (typeof row.response === 'string' ? JSON.parse(row.response) : row.response) as CommandOutcome;
    return { ...stored, replayed: true };
  }
}
