import 'reflect-metadata';
import cliProgress from 'cli-progress';
import { DevTokenIssuer } from '#libs/auth';
import { ConfigError, loadConfig } from '#libs/config';
import { DataDirLockedError, migrate, openDatabase } from '#libs/db';
import { eventStoreMigrations, idempotencyMigrations, PostgresEventStore } from '#libs/event-store';
import { projectionMigrations, ProjectionEngine } from '#libs/projections';
import { PROJECTIONS } from '../../api/src/capabilities.js';
import { eventStoreFactoryFor } from '../../api/src/event-store-factory.js';
import { parseCliArgs, runCli, UsageError } from './cli-args.js';

/**
 * npm run projections:rebuild [-- <name> ...] — rebuilds read models from position 0, blue/green.
 * It opens the store itself when it may; when the embedded service holds the data directory, it asks the
 * running service (POST /admin/projections/:name/rebuild) and follows its progress instead.
 */
const known = PROJECTIONS.map((p) => p.name);
const USAGE = `usage: npm run projections:rebuild [-- <name> ...] [--url http://localhost:3000]\nread models: ${known.join(', ')}`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseCliArgs(argv, { url: { type: 'string' } }, true);
  const unknown = positionals.filter((n) => !known.includes(n));
  if (unknown.length) throw new UsageError(`unknown read model(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const config = loadConfig();
  const names = positionals.length ? positionals : known;
  const bar = new cliProgress.MultiBar(
    { hideCursor: true, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 1000 },
    cliProgress.Presets.shades_classic,
  );

  let db;
  try {
    db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    await viaService(values.url ?? `http://127.0.0.1:${config.PORT}`, config.DATA_DIR, names, bar);
    return;
  }
  try {
    const factory = eventStoreFactoryFor(config);
    await migrate(db.client, [...idempotencyMigrations, ...(factory ? [] : eventStoreMigrations), ...projectionMigrations]);
    const store = factory ? await factory(db, config) : new PostgresEventStore(db.client);
    const engine = new ProjectionEngine(db.client, store, PROJECTIONS, { batchSize: config.PROJECTION_BATCH_SIZE });
    await db.client.setSearchPath(engine.schemas);
    await engine.ensure();
    const timings: string[] = [];
    for (const name of names) {
      const b = bar.create(1, 0, {}, { format: ` ${name.padEnd(22)} |{bar}| {percentage}% {value}/{total} events` });
      const started = Date.now();
      await engine.rebuild(name, (done, total) => {
        b.setTotal(Math.max(total, 1));
        b.update(done);
      });
      b.update(b.getTotal());
      timings.push(`${name}: rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    bar.stop();
    console.log(timings.join('\n'));
    await store.close();
  } finally {
    await db.close();
  }
}

async function viaService(url: string, dataDir: string, names: string[], bar: cliProgress.MultiBar): Promise<void> {
  console.log(`The service holds ${dataDir}; asking it at ${url} to rebuild.`);
  const token = await new DevTokenIssuer(dataDir).issue({
    role: 'ministry',
    org: '972417750',
    subject: 'cli:projections-rebuild',
    ttl: '1h',
  });
  const headers = { authorization: `Bearer ${token}` };
  for (const name of names) {
    const started = await fetch(`${url}/admin/projections/${name}/rebuild`, { method: 'POST', headers });
    if (started.status !== 202) throw new Error(`the service refused to rebuild ${name}: ${started.status} ${await started.text()}`);
    const b = bar.create(1, 0, {}, { format: ` ${name.padEnd(22)} |{bar}| {percentage}% {value}/{total} events` });
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const status = (await (await fetch(`${url}/admin/projections`, { headers })).json()) as Array<{
        name: string;
        rebuild: { done: number; total: number; state: string; error?: string } | null;
      }>;
      const run = status.find((s) => s.name === name)?.rebuild;
      if (!run) continue;
      b.setTotal(Math.max(run.total, 1));
      b.update(run.done);
      if (run.state === 'failed') throw new Error(`rebuild of ${name} failed: ${run.error}`);
      if (run.state === 'finished') {
        b.update(b.getTotal());
        break;
      }
    }
  }
  bar.stop();
}

runCli({ name: 'projections:rebuild', usage: USAGE }, main).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
