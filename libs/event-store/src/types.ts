import type { Actor } from '#libs/kernel';

/** `number`: the stream's current version must be exactly this (the version of its last event, from 1). */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  /** Why: required on corrections (amend, withdraw, revoke — R21). */
  reason?: string;
}

export interface NewEvent<T = unknown> {
  /** Defaults to a random uuid. */
  id?: string;
  type: string;
  schemaVersion?: number;
  data: T;
  metadata: EventMetadata;
}

/**
 * A position in the global log that readers resume from. Compared as (major, minor):
 * PostgreSQL: (transaction id, global position); KurrentDB: (commit, prepare position).
 */
export interface Checkpoint {
  major: bigint;
  minor: bigint;
}

export const START: Checkpoint = { major: 0n, minor: 0n };

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  return 0;
}

export interface StoredEvent<T = unknown> {
  id: string;
  streamId: string;
  /** From 1. */
  streamVersion: number;
  /** The event's place in the global log (what a command's response reports). */
  globalPosition: number;
  checkpoint: Checkpoint;
  type: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata & { recordedAt: string };
}

export interface AppendResult {
  /** The stream's version after the append. */
  streamVersion: number;
  firstPosition: number;
  lastPosition: number;
}

/**
 * The outcome stored for an idempotent command, written atomically with the events: a retry with the same key
 * gets it back. JSON, made from the append's result; what it holds is the application's business.
 */
export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  outcome: (result: AppendResult) => unknown;
}

export interface AppendOptions {
  idempotency?: IdempotencyRecord;
}

export interface ReadStreamOptions {
  /** Only events at or below this global position (as of a past moment). */
  maxPosition?: number;
  /** Only events recorded at or before this time. */
  maxRecordedAt?: Date;
}

export interface ReadAllResult {
  events: StoredEvent[];
  /** True when later events exist but are held back because an older transaction is still open. */
  heldBack: boolean;
}

/** The event-store port. Adapters: PostgreSQL (default) and KurrentDB. */
export interface EventStore {
  readonly name: string;
  /** Atomic: all events or none. Throws ConcurrencyError on a version mismatch. */
  append(streamId: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult>;
  /** One stream in version order (aggregates are small; paged internally). */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** The next page of the global log after `after`. Never skips an event that commits late. */
  readAll(after: Checkpoint, batchSize: number): Promise<ReadAllResult>;
  /** The checkpoint of the event at a global position, or null when no such event is readable yet. */
  checkpointOf(globalPosition: number): Promise<Checkpoint | null>;
  /** The highest global position written, 0 when empty. */
  headPosition(): Promise<number>;
  /**
   * Optional: the checkpoint of the event of one of these types at the highest global position, null when none
   * (what a read model handling only them must have passed to be up to date). Without it, callers fall back to
   * `headPosition`.
   */
  lastCheckpointOf?(types: readonly string[]): Promise<Checkpoint | null>;
  /** The last position recorded at or before `time` (to translate an `asOf` timestamp). */
  positionAt(time: Date): Promise<number>;
  /** Called after every local commit and every notification from other processes. */
  onAppended(listener: () => void): () => void;
  /** Optional: called after each commit of this process with the appends and events it held (group commit). */
  onFlushed?(listener: (appends: number, events: number) => void): () => void;
  close(): Promise<void>;
}
