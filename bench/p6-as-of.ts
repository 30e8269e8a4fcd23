import { mkdtempSync } from 'node:fs';
import { DevTokenIssuer } from '#libs/auth';
import { osloToday, runSeed } from '../apps/cli/src/seed/index.js';
import { call } from './p2-mix.js';
import { startService } from './service.js';
import { benchDatabase, percentile, type BenchBackend, type Figure } from './support.js';

const RUNS = 25;
const OFFICE = 'ROGALAND';

/** Median and p95 in ms of `RUNS` sequential GETs (after two warm-up calls). */
async function timed(url: string, path: string, token: string): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now();
    const r = await call(url, 'GET', path, token);
    if (r.status !== 200) throw new Error(`P6: GET ${path} answered ${r.status} ${JSON.stringify(r.body)}`);
    if (i >= 2) ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: Number(percentile(ms, 50).toFixed(1)), p95: Number(percentile(ms, 95).toFixed(1)) };
}

/**
 * P6: `?asOf=` on one office-year (the seed's ROGALAND year at scale 1) beside the same query live, measured in the
 * same run: the governor's overview and the office's grants (first page of 500), as of half-way through the log and
 * as of an ISO time.
 */
export async function p6AsOf(backend: BenchBackend, scale: number): Promise<Figure[]> {
  const db = await benchDatabase(backend);
  const dataDir = db.dataDir ?? mkdtempSync('/tmp/dekomp-bench-keys-');
  if (!db.url) throw new Error('P6 needs a connection string');
  if (backend === 'embedded') await db.drop();
  const service = await startService({ DATA_DIR: dataDir, ...(backend === 'postgres' ? { DATABASE_URL: db.url } : {}) });
  try {
    const issuer = new DevTokenIssuer(dataDir);
    const today = osloToday();
    await runSeed(service.url, { issue: (input) => issuer.issue(input) }, { seed: 6, years: 1, offices: [OFFICE], scale, today });
    const governor = await issuer.issue({ role: 'governor', office: OFFICE });
    const ministry = await issuer.issue({ role: 'ministry', org: '972417750' });
    const status = await call(service.url, 'GET', '/admin/projections', ministry);
    const head = Number((status.body as Array<{ head: number }>)[0]?.head ?? 0);
    const year = Number(today.slice(0, 4));
    const half = Math.max(1, Math.floor(head / 2));
    const iso = new Date(Date.now() - 1000).toISOString();
    const queries = [
      { name: 'governor overview', path: `/governor/overview?office=${OFFICE}&scheme=DEKOMP&year=${year}`, token: governor },
      { name: 'grants of the office-year (500)', path: `/grants?office=${OFFICE}&scheme=DEKOMP&year=${year}&limit=500`, token: governor },
    ];
    const figures: Figure[] = [];
    for (const q of queries) {
      const live = await timed(service.url, q.path, q.token);
      const past = await timed(service.url, `${q.path}&asOf=${half}`, q.token);
      const atTime = await timed(service.url, `${q.path}&asOf=${encodeURIComponent(iso)}`, q.token);
      const worst = Math.max(past.p50, atTime.p50);
      const ratio = Number((worst / Math.max(live.p50, 0.1)).toFixed(2));
      figures.push({
        id: 'P6',
        backend,
        metric: `?asOf= on one office-year: ${q.name} (log of ${head.toLocaleString('en')} events)`,
        value: worst,
        unit: 'ms p50',
        beside: [{ name: 'the same query live (ms p50; as-of ÷ live)', value: live.p50, ratio }],
        target: '≤ 3 × live and < 250 ms',
        met: ratio <= 3 && worst < 250,
        note: `asOf=${half}: p50 ${past.p50} / p95 ${past.p95} ms; asOf=<ISO>: p50 ${atTime.p50} / p95 ${atTime.p95} ms; live p95 ${live.p95} ms`,
      });
    }
    return figures;
  } finally {
    await service.stop();
    if (backend === 'postgres') await db.drop();
  }
}
