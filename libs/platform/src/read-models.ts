import { Inject, Injectable } from '@nestjs/common';
import type { Sql, SqlClient } from '#libs/db';
import type { EventStore, StoredEvent } from '#libs/event-store';
import { NotFoundError } from '#libs/kernel';
import type { ProjectionEngine } from '#libs/projections';
import { EVENT_STORE, PROJECTION_ENGINE, SQL_CLIENT } from './tokens.js';

export interface HistoryEntry {
  position: number;
  version: number;
  type: string;
  recordedAt: string;
  actor: { role: string; org: string; subject: string };
  reason: string | null;
  data: unknown;
}

/** The query side: read models now, or as they stood at a past global position (R21). */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
  ) {}

  /** Runs `fn` on the live read models, or on the named ones as of `asOf` (a global position). */
  run<T>(names: string[], asOf: number | undefined, fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (asOf === undefined) return fn(this.sql);
    return this.engine.asOf(asOf, names, fn);
  }

  /**
   * For command handlers that look facts up in a read model: first waits (bounded) until the named read models
   * have passed the last event committed before this call that one of them reads, so the lookup sees the latest
   * writes, and a backlog of events they do not read (other capabilities' traffic) does not hold the command.
   */
  async caughtUp<T>(names: string[], fn: (sql: Sql) => Promise<T>, timeoutMs = 10_000): Promise<T> {
    const handled = names.map((n) => this.engine.projections.find((p) => p.name === n)?.handles);
    const types = [...new Set(handled.flatMap((h) => h ?? []))];
    // The checkpoint of the last event they read, in one query (a read model this process applies answers from memory).
    const target =
      this.store.lastCheckpointOf && handled.every((h) => h !== undefined)
        ? await this.store.lastCheckpointOf(types)
        : await this.store.headPosition();
    if (target && !(await this.engine.waitFor(target, timeoutMs, names))) {
      const at = typeof target === 'number' ? target : Number(target.minor);
      throw new Error(`read models ${names.join(', ')} did not reach position ${at} within ${timeoutMs} ms`);
    }
    return fn(this.sql);
  }

  /** An aggregate's events in order, in readable form (type, time, actor, reason). */
  async history(streamId: string, asOf?: number): Promise<HistoryEntry[]> {
    const events = await this.store.readStream(streamId, asOf === undefined ? {} : { maxPosition: asOf });
    return events.map(toHistoryEntry);
  }

  /** An aggregate's history, or NotFoundError (404) naming the resource when it has no events (then). */
  async existingHistory(resource: string, id: string, streamId: string, asOf?: number): Promise<HistoryEntry[]> {
    const history = await this.history(streamId, asOf);
    if (history.length === 0) throw new NotFoundError(resource, id);
    return history;
  }

  /** Translates an `asOf` query value (ISO time or global position) to a global position. */
  async resolveAsOf(value: string): Promise<number | undefined> {
    if (/^\d{1,15}$/.test(value)) return Number(value);
    if (/^\d+$/.test(value)) return undefined;
    const t = new Date(value);
    if (Number.isNaN(t.getTime())) return undefined;
    return this.store.positionAt(t);
  }
}

export function toHistoryEntry(e: StoredEvent): HistoryEntry {
  return {
    position: e.globalPosition,
    version: e.streamVersion,
    type: e.type,
    recordedAt: e.metadata.recordedAt,
    actor: { role: e.metadata.actor.role, org: e.metadata.actor.org, subject: e.metadata.actor.subject },
    reason: e.metadata.reason ?? null,
    data: e.data,
  };
}
