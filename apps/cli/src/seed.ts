import { parseArgs } from 'node:util';
import type { SqlClient } from '#libs/db';
import { OFFICE_CODES } from '#libs/reference-data';
import { osloToday } from './seed/dates.js';
import { parseOffices } from './seed/options.js';
import type { SeedResult } from './seed/run.js';

// The options are read (and --help answered) before the service's application and the rest are loaded (main).

const USAGE = `usage: npm run seed -- [--years N] [--offices all|<codes>] [--seed <n>] [--scale <f>] [--url <service url>] [--concurrency <n>]

Fills the store with realistic years of the DEKOMP scheme through the API (the same HTTP commands as any client):
the 10 governor offices and 15 counties, every municipality (real numbers), the universities with teacher
education, networks, 40–250 needs assessments per office and year (times --scale), partnerships, forum
recommendations, decisions with multi-year commitments, acceptances with co-financing, payments, reports, late
submissions, declines, amendments and repayment claims. And YRKESFAG (R24) for the 14 county municipalities (Oslo
kommune, which owns Oslo's upper secondary schools, is a municipality), whatever --offices says: Udir's frame by county size, the county's forum, needs from its schools and training companies,
measures by universities, vocational colleges, trade bodies, companies and the county itself, the plan within the
frame, payments in parts, spending, the report and repayment claims. Deterministic for a --seed (and date).

Re-running: every command carries an Idempotency-Key made of the seed and the step, so a re-run with the same
options appends nothing (and one after an interruption finishes the job). A re-run with more --offices extends the
store: the offices seeded before replay, the new ones are added. Any other change (--seed, --years, --scale, or a
re-run in another year or phase of the year) is refused before anything is written: the seed first reads the
store, names what differs from its plan, and exits 1. Seed an empty store for other options.

  --years N         years seeded, from the current one (default 2)
  --offices         all, or office codes separated by commas, in upper case as for npm run token:
                    ${OFFICE_CODES.join(', ')}
  --seed n          the seed of the PRNG (default 1)
  --scale f         multiplies the needs assessments per office and year (default 1; 0.1 for a small run)
  --url             the running service (default http://127.0.0.1:$PORT); without one the service is started
                    in this process on a free port, on the configured store, and stopped afterwards
  --concurrency n   requests in flight (default 12)

Exit codes: 0 done; 1 failed or refused (the store holds a seed run with other options); 2 bad options.`;

const EXIT_USAGE = 2;

function usageError(message: string): never {
  console.error(`seed: ${message}\n\n${USAGE}`);
  process.exit(EXIT_USAGE);
}

function parseOptions() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        years: { type: 'string' },
        offices: { type: 'string' },
        seed: { type: 'string' },
        scale: { type: 'string' },
        url: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const problems: string[] = [];
  const int = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`--${name} must be a whole number from ${min} to ${max}; got '${raw}'`);
    return n;
  };
  const years = int('years', values.years as string | undefined, 2, 1, 10);
  const seed = int('seed', values.seed as string | undefined, 1, 0, 2 ** 32 - 1);
  const concurrency = int('concurrency', values.concurrency as string | undefined, 12, 1, 64);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10)
    problems.push(`--scale must be a number above 0 and at most 10; got '${values.scale as string}'`);
  const { offices, problem } = parseOffices(values.offices as string | undefined);
  if (problem) problems.push(problem);
  if (problems.length) usageError(problems.join('\n'));
  return { years, seed, concurrency, scale, offices, url: values.url as string | undefined };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1500) });
    await res.text();
    return res.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const o = parseOptions();
  await import('reflect-metadata'); // before any module with Nest's decorators
  const [{ default: cliProgress }, { DevTokenIssuer }, { loadConfig }, { runSeed }] = await Promise.all([
    import('cli-progress'),
    import('#libs/auth'),
    import('#libs/config'),
    import('./seed/run.js'),
  ]);
  const config = loadConfig();
  const url = (o.url ?? `http://127.0.0.1:${config.PORT}`).replace(/\/$/, '');
  const issuer = new DevTokenIssuer(config.DATA_DIR);
  const today = osloToday();
  const options = { seed: o.seed, years: o.years, offices: o.offices, scale: o.scale, today };
  const bar = new cliProgress.SingleBar(
    {
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      format: ' seed |{bar}| {percentage}% {value}/{total} steps | {phase}',
    },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  const onProgress = (done: number, total: number, phase: string) => {
    if (!barStarted) {
      bar.start(total, 0, { phase });
      barStarted = true;
    }
    bar.update(done, { phase });
  };

  let result: SeedResult;
  let events: number | null = null;
  if (await answers(url)) {
    console.log(
      `Seeding through the service at ${url} (tokens from ${config.DATA_DIR}/keys); seed ${o.seed}, years from ${today.slice(0, 4)}: ${o.years}, offices: ${o.offices.join(', ')}, scale ${o.scale}`,
    );
    if (config.AUTH_MODE !== 'dev') throw new Error('the seed mints dev-mode tokens; the service must run with AUTH_MODE=dev');
    result = await runSeed(url, issuer, options, { concurrency: o.concurrency, onProgress });
  } else {
    if (o.url) throw new Error(`no service answers at ${o.url}`);
    console.log(
      `No service answers at ${url}: starting it in this process on the configured store (${config.DATABASE_URL ? 'PostgreSQL' : config.DATA_DIR}); seed ${o.seed}, years from ${today.slice(0, 4)}: ${o.years}, offices: ${o.offices.join(', ')}, scale ${o.scale}`,
    );
    const [{ createApp }, { SQL_CLIENT }] = await Promise.all([import('../../api/src/bootstrap.js'), import('#libs/platform')]);
    const app = await createApp(
      loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: process.env.SEED_LOG_LEVEL ?? 'error' }),
    );
    try {
      await app.listen(0, '127.0.0.1');
      const port = (app.getHttpServer().address() as { port: number }).port;
      result = await runSeed(`http://127.0.0.1:${port}`, issuer, options, { concurrency: o.concurrency, onProgress });
      const r = await app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false }).query<{ n: string }>('SELECT count(*) AS n FROM events');
      events = Number(r.rows[0].n);
    } finally {
      await app.close();
    }
  }
  if (barStarted) bar.stop();
  const p = result.plan;
  const late = p.assessments.filter((a) => a.submission === 'late').length;
  const yf = p.yrkesfag.flatMap((c) => c.years);
  console.log(
    [
      `Seeded in ${result.seconds.toFixed(1)} s: ${result.steps} commands (${result.replayed} replayed from an earlier run, ${result.existed} existed already), last position ${result.lastPosition}${events !== null ? `, ${events} events in the store` : ''}.`,
      `  years ${p.years.join(', ')}; ${p.options.offices.length} offices; ${p.organisations.length} organisations; ${p.calls.length} calls; ${p.forums.length} forums`,
      `  ${p.assessments.length} needs assessments (${late} late, ${p.assessments.filter((a) => a.coOwners.length).length} networks, ${p.assessments.filter((a) => a.amendment).length} amended, ${p.assessments.filter((a) => a.withdrawal).length} withdrawn, ${p.assessments.filter((a) => a.submission === 'draft').length} drafts), ${p.assessments.reduce((n, a) => n + a.measures.length, 0)} measures`,
      `  ${p.recommendations.length} recommendations; ${p.grants.length} grants (${p.grants.filter((g) => g.decided.length > 1).length} multi-year, ${p.grants.reduce((n, g) => n + g.payments.length, 0)} payments, ${p.grants.filter((g) => g.report).length} reports, ${p.grants.reduce((n, g) => n + g.claims.length, 0)} repayment claims)`,
      `  YRKESFAG: ${p.yrkesfag.length} county municipalities, ${yf.length} county years, ${yf.reduce((n, y) => n + y.measures.length, 0)} measures, ${yf.filter((y) => y.report).length} reports, ${yf.filter((y) => y.claim).length} repayment claims`,
      `Look at it in /docs, e.g. GET /governor/overview?scheme=DEKOMP&year=${p.years[0]} with: npm run -s token -- --role governor --office ${p.options.offices[0]}`,
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  const [{ SeedConflictError }, { ConfigError }] = await Promise.all([import('./seed/preflight.js'), import('#libs/config')]);
  if (error instanceof SeedConflictError) console.error(`seed refused: ${error.message}`);
  else
    console.error(error instanceof ConfigError ? error.message : `seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
