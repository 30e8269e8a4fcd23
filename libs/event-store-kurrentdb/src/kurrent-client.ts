import type {
  AllStreamResolvedEvent,
  AppendResult as KurrentAppendResult,
  AppendStreamState,
  Direction,
  EventData,
  Filter,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { SqlClient } from '#libs/db';

/**
 * The part of `KurrentDBClient` the adapter uses (a real client fits it; tests may pass an imitation).
 */
export interface KurrentClient {
  appendToStream(streamName: string, events: EventData[], options: { streamState: AppendStreamState }): Promise<KurrentAppendResult>;
  readStream(
    streamName: string,
    options: { fromRevision: ReadRevision; maxCount: number; direction: Direction },
  ): AsyncIterable<ResolvedEvent>;
  readAll(options: {
    fromPosition: ReadPosition;
    maxCount: number;
    direction: Direction;
    filter?: Filter;
  }): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: { fromPosition: ReadPosition; filter?: Filter }): KurrentSubscription;
  dispose(): Promise<void>;
}

export interface KurrentSubscription {
  on(event: 'data', listener: (event: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

export interface KurrentDbEventStoreOptions {
  /** Events per read request (stream reads, backward scans). */
  pageSize?: number;
  /** Which streams are Dekomp's (server-side filter on `$all`); `$`-streams are always left out. */
  streamRegex?: string;
  /** Wait before re-subscribing to `$all` after the subscription dropped. */
  resubscribeDelayMs?: number;
  /** Dispose of the client on close (true when the factory made it). */
  ownsClient?: boolean;
}

export interface CreateKurrentDbEventStoreOptions extends Omit<KurrentDbEventStoreOptions, 'ownsClient'> {
  /** `kurrentdb://host:2113?tls=false`; `kurrentdb+discover://…` for a cluster (`esdb://` still works, deprecated). */
  connectionString: string;
  /** The read-model database: holds `idempotency_keys` (see `idempotencyMigrations`). */
  sql: SqlClient;
}

/** The client's error kind (`CommandError.type`, e.g. 'wrong-expected-version'), if it is one. */
export function errorType(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'type' in error) {
    const t = error.type;
    return typeof t === 'string' ? t : undefined;
  }
  return undefined;
}

/** The server could not be reached or did not answer (the append path reports raw gRPC status 14/4). */
export function isConnectionError(error: unknown): boolean {
  const t = errorType(error);
  if (t === 'unavailable' || t === 'deadline-exceeded' || t === 'not-leader' || t === 'access-denied' || t === 'cancelled') return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 14 || code === 4;
}
