import { Inject, Injectable } from '@nestjs/common';
import type { SqlClient } from '#libs/db';
import { IdempotencyKeyUsedError, type EventStore, type StoredResponse } from '#libs/event-store';
import type { Decider, DomainEvent, Warning } from './decider.js';
import { fold } from './decider.js';
import { IdempotencyKeyReusedError, PreconditionFailedError, type CommandMeta } from './command-meta.js';
import { HttpResult, POSITION_HEADER } from './http-result.js';
import { EVENT_STORE, SQL_CLIENT } from './tokens.js';

export interface CommandResultBody {
  id: string;
  version: number;
  position: number;
  warnings: Warning[];
  [extra: string]: unknown;
}

export interface RunCommand<C, S, E extends DomainEvent> {
  streamId: string;
  /** The resource id in responses (defaults to the stream id). */
  id?: string;
  decider: Decider<C, S, E>;
  command: C;
  meta: CommandMeta;
  /** Why (R21): stored in the events' metadata. */
  reason?: string;
  /** Location of a created resource: answered with 201. */
  location?: string;
  /** Extra response fields from the new state. */
  extra?: (state: S, events: E[]) => Record<string, unknown>;
}

/**
 * The one command path: load the stream, fold it, let the pure decider decide, append with the expected
 * version (and the idempotency record in the same transaction), and answer with position and ETag.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async run<C, S, E extends DomainEvent>(p: RunCommand<C, S, E>): Promise<HttpResult<CommandResultBody>> {
    const idem = p.meta.idempotency;
    if (idem) {
      const replay = await this.replay(idem.key, idem.requestHash);
      if (replay) return replay;
    }
    const history = await this.store.readStream(p.streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    if (p.meta.ifMatch !== undefined && p.meta.ifMatch !== version) throw new PreconditionFailedError(p.meta.ifMatch, version);
    const state = fold(p.decider, history.map((e) => ({ type: e.type, data: e.data }) as E));
    const events = p.decider.decide(p.command, state);
    const id = p.id ?? p.streamId;
    if (events.length === 0) {
      return new HttpResult(200, { id, version, position: 0, warnings: [] }, { ETag: `"${version}"` });
    }
    const newState = events.reduce((s, e) => p.decider.evolve(s, e), state);
    const warnings = events.flatMap((e) => ((e.data as { warnings?: Warning[] }).warnings ?? []));
    const extra = p.extra?.(newState, events) ?? {};
    const created = version === 0 && p.location !== undefined;
    const respond = (r: { streamVersion: number; lastPosition: number }): StoredResponse => ({
      status: created ? 201 : 200,
      body: { id, version: r.streamVersion, position: r.lastPosition, warnings, ...extra },
      headers: {
        ETag: `"${r.streamVersion}"`,
        [POSITION_HEADER]: String(r.lastPosition),
        ...(created ? { Location: p.location! } : {}),
      },
    });
    try {
      const result = await this.store.append(
        p.streamId,
        events.map((e) => ({
          type: e.type,
          data: e.data,
          metadata: {
            actor: p.meta.actor,
            correlationId: p.meta.correlationId,
            causationId: null,
            idempotencyKey: idem?.key ?? null,
            ...(p.reason ? { reason: p.reason } : {}),
          },
        })),
        version === 0 ? 'no_stream' : version,
        idem ? { idempotency: { key: idem.key, requestHash: idem.requestHash, response: respond } } : undefined,
      );
      const r = respond(result);
      return new HttpResult(r.status, r.body as CommandResultBody, r.headers);
    } catch (error) {
      if (error instanceof IdempotencyKeyUsedError && idem) {
        const replay = await this.replay(idem.key, idem.requestHash);
        if (replay) return replay;
      }
      throw error;
    }
  }

  private async replay(key: string, requestHash: string): Promise<HttpResult<CommandResultBody> | undefined> {
    const r = await this.sql.query<{ request_hash: string; response: StoredResponse }>(
      'SELECT request_hash, response FROM idempotency_keys WHERE key = $1',
      [key],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    if (row.request_hash !== requestHash) throw new IdempotencyKeyReusedError(key.replace(/^[^:]*:/, ''));
    const stored = typeof row.response === 'string' ? (JSON.parse(row.response) as StoredResponse) : row.response;
    return new HttpResult(stored.status, stored.body as CommandResultBody, { ...stored.headers, 'Idempotent-Replayed': 'true' });
  }
}
