import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '#libs/db';
import { benchDatabase, beside, type Figure, type BenchBackend } from './support.js';
import { csvStraightFromQuery } from './p5-peer.js';

/**
 * P5: the evaluation export of ≥ 100k rows (CSV, the CLI as a user runs it), its rows/s and the process's
 * peak RSS (measured by /usr/bin/time). The data: `grants` three-year decisions with payments (3 rows each),
 * seeded by libs/exports/bench/seed-export-bench.
 */
/** Runs the seeder until it reports its rows (it has been seen to linger after its work; it is then stopped). */
function seed(env: NodeJS.ProcessEnv, grants: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/libs/exports/bench/seed-export-bench.js', '--grants', String(grants)], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/export rows from \d+ events/.test(out)) {
        child.kill('SIGTERM');
        resolve();
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (/export rows from/.test(out) ? resolve() : reject(new Error(`P5 seeding failed (${code}): ${err}`))));
  });
}

/** The peer on the same database: the embedded one is opened again (the CLI has closed it). */
async function straight(backend: BenchBackend, url: string | undefined, dataDir: string, out: string) {
  if (backend === 'postgres' && url) return csvStraightFromQuery(url, out);
  const db = await openDatabase({ dataDir, poolSize: 1 });
  try {
    if (!db.url) throw new Error('the embedded database has no URL');
    return await csvStraightFromQuery(db.url, out);
  } finally {
    await db.close();
  }
}

export async function p5Export(backend: BenchBackend, grants: number): Promise<Figure> {
  const db = await benchDatabase(backend, 4);
  const dataDir = db.dataDir ?? mkdtempSync(join(tmpdir(), 'dekomp-p5-'));
  if (backend === 'embedded') await db.drop(); // the seeder and the CLI open the data directory themselves
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(backend === 'postgres' && db.url ? { DATABASE_URL: db.url } : {}),
  };
  try {
    await seed(env, grants);
    const out = join(dataDir, 'export.csv');
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', 'maxrss_kb=%M wall_s=%e', process.execPath, 'dist/apps/cli/src/export.js', '--format', 'csv', '--out', out],
      { env, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`P5 export failed: ${run.stderr}`);
    const done = /: (\d+) rows in ([\d.]+) s/.exec(run.stdout);
    const rss = /maxrss_kb=(\d+)/.exec(run.stderr);
    const wall = /wall_s=([\d.]+)/.exec(run.stderr);
    if (!done || !rss || !wall) throw new Error(`P5: unexpected output ${run.stdout} ${run.stderr}`);
    const rows = Number(done[1]);
    const seconds = Number(done[2]);
    const rssMb = Number(rss[1]) / 1024;
    rmSync(out, { force: true });
    const peer = await straight(backend, db.url, dataDir, out);
    rmSync(out, { force: true });
    return {
      id: 'P5',
      backend,
      metric: `evaluation export, CSV, ${rows.toLocaleString('en')} rows (npm run export)`,
      value: Math.round(rows / seconds),
      unit: 'rows/s',
      beside: [
        beside(`csv-stringify straight from a query (${peer.rows.toLocaleString('en')} rows)`, rows / seconds, peer.rows / peer.seconds),
      ],
      target: '≥ 50,000 rows/s under 256 MB',
      met: rows / seconds >= 50_000 && rssMb < 256,
      // The rate is the command's own time (from opening the store); the process's wall time adds loading its modules.
      note: `peak RSS ${rssMb.toFixed(0)} MB${backend === 'embedded' ? ' (includes the embedded database itself)' : ''}; ${seconds} s (process ${wall[1]} s)`,
    };
  } finally {
    if (backend === 'postgres') await db.drop();
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
