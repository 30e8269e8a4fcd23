import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '#libs/config';
import { migrate, openDatabase, type OpenDatabase } from '#libs/db';
import {
  eventStoreMigrations,
  idempotencyMigrations,
  PostgresEventStore,
  START,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
} from '#libs/event-store';
import { createKurrentDbEventStore } from '#libs/event-store-kurrentdb';
import { parseCliArgs, runCli, usageFailure, UsageError } from './cli-args.js';

/**
 * npm run events:copy -- --from postgres --to kurrentdb   (or --from kurrentdb --to postgres)
 *
 * Copies every Dekomp event from one event store to the other in global order, keeping ids, types, schema
 * versions, data, metadata and stream versions. PostgreSQL is DATABASE_URL, or the embedded PostgreSQL under
 * ${DATA_DIR:-./data}/pg (whose lock makes the copy refuse while the service runs); KurrentDB is
 * KURRENTDB_URL. Global positions and checkpoints differ between stores: rebuild read models after switching.
 */

export type StoreKind = 'postgres' | 'kurrentdb';

export interface CopyOptions {
  /** Events read per page from the source (and most events per append). */
  batchSize?: number;
  /** The target holds a copy of the first events of the source already (an interrupted run): check, go on. */
  resume?: boolean;
  /** After every append: events in the target so far (resumed ones included). */
  onProgress?: (done: number) => void;
}

export interface CopyReport {
  /** Events appended by this run. */
  copied: number;
  /** Events found in the target already (with resume). */
  resumedAfter: number;
  /** Counted afresh after copying. */
  sourceCount: number;
  targetCount: number;
  ok: boolean;
}

/** A stored event as the event to append elsewhere. The store sets its own time: the original goes along. */
export function toNewEvent(e: StoredEvent): NewEvent {
  const { recordedAt, ...metadata } = e.metadata as StoredEvent['metadata'] & { originalRecordedAt?: string };
  return {
    id: e.id,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: { ...metadata, originalRecordedAt: metadata.originalRecordedAt ?? recordedAt } as NewEvent['metadata'],
  };
}

/** The expected version for appending an event that must land at `streamVersion` (so gaps and reorders fail). */
export function expectedVersionFor(streamVersion: number): ExpectedVersion {
  return streamVersion === 1 ? 'no_stream' : streamVersion - 1;
}

/** Every event of a store in global order, a page at a time. */
export async function* eventsOf(store: EventStore, batchSize = 500): AsyncGenerator<StoredEvent> {
  let after = START;
  for (;;) {
    const page = await store.readAll(after, batchSize);
    if (page.events.length === 0) {
      if (!page.heldBack) return;
      await new Promise((r) => setTimeout(r, 20)); // an open transaction in the source: wait for it
      continue;
    }
    yield* page.events;
    after = page.events[page.events.length - 1].checkpoint;
  }
}

export async function countEvents(store: EventStore, batchSize = 1000): Promise<number> {
  let n = 0;
  for await (const _ of eventsOf(store, batchSize)) n++;
  return n;
}

/**
 * The copy loop. Reads the source in global order and appends runs of consecutive events of one stream,
 * each with the expected version its first event needs, so the target gets the same stream versions and an
 * event out of place fails loudly (ConcurrencyError) instead of being copied wrong. Ends with a count check.
 */
export async function copyEvents(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<CopyReport> {
  const batchSize = options.batchSize ?? 500;
  const src = eventsOf(source, batchSize)[Symbol.asyncIterator]();
  let resumedAfter = 0;
  if (options.resume) {
    for await (const t of eventsOf(target, batchSize)) {
      const s = await src.next();
      if (s.done || s.value.id !== t.id || s.value.streamId !== t.streamId || s.value.streamVersion !== t.streamVersion) {
        throw new Error(
          `cannot resume: event #${resumedAfter + 1} of ${target.name} (${t.streamId} v${t.streamVersion}, ${t.id}) is not ` +
            `event #${resumedAfter + 1} of ${source.name}${s.done ? ' (the source has fewer events)' : ` (${s.value.streamId} v${s.value.streamVersion}, ${s.value.id})`}`,
        );
      }
      resumedAfter++;
    }
    options.onProgress?.(resumedAfter);
  } else if ((await target.headPosition()) > 0) {
    throw new Error(`${target.name} already holds events: copy into an empty store, or pass --resume to continue an interrupted copy`);
  }

  let copied = 0;
  let run: StoredEvent[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const first = run[0];
    await target.append(first.streamId, run.map(toNewEvent), expectedVersionFor(first.streamVersion));
    copied += run.length;
    run = [];
    options.onProgress?.(resumedAfter + copied);
  };
  for (;;) {
    const next = await src.next();
    if (next.done) break;
    const e = next.value;
    const prev = run[run.length - 1];
    if (prev && (prev.streamId !== e.streamId || e.streamVersion !== prev.streamVersion + 1 || run.length >= batchSize)) await flush();
    run.push(e);
  }
  await flush();

  const [sourceCount, targetCount] = await Promise.all([countEvents(source), countEvents(target)]);
  return { copied, resumedAfter, sourceCount, targetCount, ok: sourceCount === targetCount && targetCount === resumedAfter + copied };
}

interface Args {
  from: StoreKind;
  to: StoreKind;
  batchSize: number;
  resume: boolean;
}

const USAGE = `usage: npm run events:copy -- --from postgres|kurrentdb --to kurrentdb|postgres [--batch-size 500] [--resume]
  PostgreSQL: DATABASE_URL, or the embedded PostgreSQL in \${DATA_DIR:-./data}/pg (stop the service first)
  KurrentDB:  KURRENTDB_URL, e.g. kurrentdb://127.0.0.1:2113?tls=false`;

export function parseCopyArgs(argv: string[]): Args {
  const { values } = parseCliArgs(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    'batch-size': { type: 'string', default: '500' },
    resume: { type: 'boolean', default: false },
  });
  const kinds: StoreKind[] = ['postgres', 'kurrentdb'];
  const from = values.from as StoreKind;
  const to = values.to as StoreKind;
  if (!kinds.includes(from) || !kinds.includes(to) || from === to)
    throw new UsageError('--from and --to must be postgres and kurrentdb, one each');
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError('--batch-size must be 1…10000');
  return { from, to, batchSize, resume: values.resume ?? false };
}

function describeError(error: unknown): string {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown; code?: unknown }) : {};
  if (type.type === 'unavailable' || type.code === 14) {
    return `KurrentDB did not answer at KURRENTDB_URL (${process.env.KURRENTDB_URL}): is it running and reachable? (${(error as Error).message})`;
  }
  if (error instanceof ConfigError || error instanceof Error) return error.message;
  return String(error);
}

const CLI = { name: 'events:copy', usage: USAGE };

async function main(argv: string[]): Promise<number> {
  const args = parseCopyArgs(argv);
  const config = loadConfig();
  if (!config.KURRENTDB_URL) usageFailure(CLI, 'KURRENTDB_URL is not set');
  const db: OpenDatabase = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
  const stores: EventStore[] = [];
  try {
    if (args.to === 'postgres') {
      await migrate(db.client, [...idempotencyMigrations, ...eventStoreMigrations]);
    } else {
      const has = await db.client.query<{ t: string | null }>(`SELECT to_regclass('events')::text AS t`);
      if (!has.rows[0]?.t) throw new Error(`${db.describe} has no event store (no events table): nothing to copy`);
    }
    const postgres = new PostgresEventStore(db.client);
    const kurrent = createKurrentDbEventStore({ connectionString: config.KURRENTDB_URL, sql: db.client });
    stores.push(postgres, kurrent);
    const [source, target] = args.from === 'postgres' ? [postgres, kurrent] : [kurrent, postgres];
    const where = (s: EventStore) => (s === postgres ? db.describe : `KurrentDB ${config.KURRENTDB_URL}`);
    console.log(`Copying events from ${where(source)} to ${where(target)}`);

    console.log('Counting source events…');
    const total = await countEvents(source);
    const bar = new cliProgress.SingleBar(
      {
        format: ' copy |{bar}| {percentage}% {value}/{total} events | {eta_formatted} left',
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0);
    let report: CopyReport;
    try {
      report = await copyEvents(source, target, {
        batchSize: args.batchSize,
        resume: args.resume,
        onProgress: (done) => {
          if (done > bar.getTotal()) bar.setTotal(done);
          bar.update(done);
        },
      });
    } finally {
      bar.stop();
    }
    console.log(
      `copied ${report.copied} events${report.resumedAfter ? ` (after ${report.resumedAfter} already there)` : ''}; ` +
        `source ${source.name}: ${report.sourceCount}, target ${target.name}: ${report.targetCount}`,
    );
    if (!report.ok) {
      console.error('COUNT MISMATCH: the target does not hold exactly the source events (was something writing to the source?)');
      return 1;
    }
    console.log('counts match. Rebuild the read models against the new store: npm run projections:rebuild');
    return 0;
  } finally {
    for (const s of stores) await s.close().catch(() => undefined);
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(CLI, main).then(
    () => process.exit(),
    (error: unknown) => {
      console.error(describeError(error));
      process.exit(1);
    },
  );
}
