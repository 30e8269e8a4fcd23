import { mkdtempSync } from 'node:fs';
import { benchDatabase, beside, percentile, type BenchBackend, type Figure } from './support.js';
import { startService } from './service.js';
import { httpCeiling, load } from './p2-ceiling.js';
import { call, mixOf, placeholderState, prepare, type MixState } from './p2-mix.js';

const CONNECTIONS = 16;

/** P4 under load: commands, each followed by a read that waits for its position; the waits in ms. */
async function readYourWrites(url: string, s: MixState, seconds: number): Promise<number[]> {
  const background = load(url, 8, Math.max(5, seconds), mixOf(s));
  const waits: number[] = [];
  const until = Date.now() + Math.max(4, seconds - 1) * 1000;
  while (Date.now() < until) {
    const owner = Math.floor(Math.random() * s.owners.length);
    const cmd = await call(url, 'POST', `/organisations/${s.owners[owner]}/amendments`, s.ministry, {
      name: `Eier ${owner} rw`,
      reason: 'p4',
    });
    if (cmd.status !== 200) continue;
    const t = performance.now();
    const read = await call(url, 'GET', `/organisations/${s.owners[owner]}?minPosition=${cmd.body.position}`, s.ministry);
    if (read.status === 200) waits.push(performance.now() - t);
  }
  await background;
  return waits.sort((a, b) => a - b);
}

/**
 * P2: the whole HTTP command path (auth, validation, decide, append, respond) under a mix of commands with
 * autocannon, beside the node:http + pg ceiling measured in the same run; P4: read-your-writes wait under load.
 */
export async function p2p4Http(backend: BenchBackend, seconds: number): Promise<Figure[]> {
  const db = await benchDatabase(backend);
  const dataDir = db.dataDir ?? mkdtempSync('/tmp/dekomp-bench-keys-');
  if (!db.url) throw new Error('P2 needs a connection string');
  const ceiling = await httpCeiling(db.url, CONNECTIONS, seconds, mixOf(placeholderState()));
  // Embedded: the service opens its own data directory, so release ours first.
  if (backend === 'embedded') await db.drop();
  const service = await startService({
    DATA_DIR: dataDir,
    ...(process.env.BENCH_BATCH ? { PROJECTION_BATCH_SIZE: process.env.BENCH_BATCH } : {}),
    ...(backend === 'postgres' ? { DATABASE_URL: db.url, DB_POOL_SIZE: String(CONNECTIONS) } : {}),
  });
  try {
    const state = await prepare(service.url, dataDir);
    const r = await load(service.url, CONNECTIONS, seconds, mixOf(state), service.child.pid);
    const ratio = r.rate / ceiling.rate;
    const figures: Figure[] = [
      {
        id: 'P2',
        backend,
        metric: `HTTP commands (auth, validation, decide, append, respond), ${CONNECTIONS} connections`,
        value: Math.round(r.rate),
        unit: 'commands/s',
        beside: [beside(`node:http + pg ceiling (p99 ${ceiling.p99} ms)`, r.rate, ceiling.rate)],
        target: '≥ 0.5 × the ceiling, p99 < 50 ms',
        met: ratio >= 0.5 && r.p99 < 50,
        note: `p50 ${r.p50} ms, p99 ${r.p99} ms; process CPU ${r.cpuMsPerOk ?? '?'} ms per command (ceiling ${ceiling.cpuMsPerOk ?? '?'} ms); ${r.non2xx} non-2xx (409 on concurrent edits of one draft) of ${r.total}`,
      },
    ];
    const waits = await readYourWrites(service.url, state, seconds);
    figures.push({
      id: 'P4',
      backend,
      metric: 'read-your-writes: command response → read model at its position (GET ?minPosition), under load',
      value: Number(percentile(waits, 99).toFixed(1)),
      unit: 'ms p99',
      beside: [],
      target: 'p99 < 50 ms',
      met: percentile(waits, 99) < 50,
      note: `p50 ${percentile(waits, 50).toFixed(1)} ms over ${waits.length} commands`,
    });
    return figures;
  } finally {
    await service.stop();
    if (backend === 'postgres') await db.drop();
  }
}
