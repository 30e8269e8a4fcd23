import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { postgresAnswers, type BenchBackend, type Figure } from './support.js';

const USAGE = `usage: npm run bench [-- options]

Measures Dekomp and, in the same run, the ceiling or peer beside each figure:
  P1 append, 8 writers            beside raw BEGIN/INSERT/COMMIT and Emmett's PostgreSQL event store
  P2 HTTP commands, 16 connections beside node:http + pg doing one BEGIN/INSERT/COMMIT per request
  P3 rebuild of every read model  beside the raw sequential read of the log
  P4 read-your-writes under load
  P5 evaluation export, CSV       beside csv-stringify writing the same rows straight from a query
  P6 ?asOf= on one office-year    beside the same query live

options:
  --only P1,P3          run only these figures (P2 and P4 run together)
  --backend postgres    embedded, postgres or both (default: both; postgres only when 127.0.0.1:5432 answers)
  --appends 400         P1: appends per writer
  --seconds 10          P2/P4: seconds of load
  --events 1000000      P3: events in the log
  --grants 34000        P5: grants seeded (3 export rows each)
  --scale 1             P6: the seed's scale for the office-year (1: 40–250 needs assessments)
  --out bench/results   where the JSON of the figures goes
  --help                this text`;

const OPTIONS = {
  only: { type: 'string' },
  backend: { type: 'string', default: 'both' },
  events: { type: 'string', default: '1000000' },
  appends: { type: 'string', default: '400' },
  seconds: { type: 'string', default: '10' },
  grants: { type: 'string', default: '34000' },
  scale: { type: 'string', default: '1' },
  out: { type: 'string', default: 'bench/results' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** The options, or exit 2 naming what is wrong (an unknown option, a missing value, a bad number). */
function options(): Values {
  let values: Values;
  try {
    values = parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  for (const name of ['events', 'appends', 'seconds', 'grants'] as const) {
    if (!/^[1-9]\d*$/.test(values[name])) {
      console.error(`--${name} must be a positive whole number, not '${values[name]}'\n\n${USAGE}`);
      process.exit(2);
    }
  }
  if (!/^(0?\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?)$/.test(values.scale)) {
    console.error(`--scale must be a positive number, not '${values.scale}'\n\n${USAGE}`);
    process.exit(2);
  }
  if (!['both', 'embedded', 'postgres'].includes(values.backend)) {
    console.error(`--backend must be embedded, postgres or both, not '${values.backend}'\n\n${USAGE}`);
    process.exit(2);
  }
  const unknown = (values.only ?? '').split(',').filter((id) => id.trim() && !/^P[1-6]$/i.test(id.trim()));
  if (unknown.length > 0) {
    console.error(`--only takes P1…P6, not ${unknown.join(', ')}\n\n${USAGE}`);
    process.exit(2);
  }
  return values;
}

function besideText(f: Figure): string {
  return f.beside.map((b) => `${b.name}: ${b.value.toLocaleString('en')} (${b.ratio} ×)`).join('; ');
}

async function backendsOf(wanted: string): Promise<BenchBackend[]> {
  const backends: BenchBackend[] = wanted === 'postgres' ? [] : ['embedded'];
  if (wanted !== 'embedded') {
    if (await postgresAnswers()) backends.unshift('postgres');
    else console.log('PostgreSQL at 127.0.0.1:5432 did not answer: no postgres figures');
  }
  return backends;
}

/** npm run bench [-- --only P1,P3 --events 1000000 --appends 500] — prints a table and writes JSON. */
async function main(): Promise<void> {
  const values = options();
  const only = values.only ? values.only.split(',').map((s) => s.trim().toUpperCase()) : undefined;
  const wants = (id: string) => !only || only.includes(id);
  const backends = await backendsOf(values.backend);
  console.log(`backends: ${backends.join(', ')}`);
  const figures: Figure[] = [];
  const report = (f: Figure) =>
    console.log(`${f.id} ${f.value.toLocaleString('en')} ${f.unit}${f.beside.length ? ` — ${besideText(f)}` : ''}`);
  const run = async (id: string, fn: () => Promise<Figure>) => {
    if (!wants(id)) return;
    process.stdout.write(`running ${id}… `);
    const f = await fn();
    figures.push(f);
    report(f);
  };
  for (const backend of backends) {
    await run('P1', async () => (await import('./p1-append.js')).p1Append(backend, Number(values.appends)));
    if (wants('P2') || wants('P4')) {
      process.stdout.write('running P2/P4… ');
      const fs = await (await import('./p2-http.js')).p2p4Http(backend, Number(values.seconds));
      for (const f of fs.filter((f) => wants(f.id))) {
        figures.push(f);
        report(f);
      }
    }
    await run('P3', async () => (await import('./p3-rebuild.js')).p3Rebuild(backend, Number(values.events)));
    await run('P5', async () => (await import('./p5-export.js')).p5Export(backend, Number(values.grants)));
    if (wants('P6')) {
      process.stdout.write('running P6… ');
      for (const f of await (await import('./p6-as-of.js')).p6AsOf(backend, Number(values.scale))) {
        figures.push(f);
        report(f);
      }
    }
  }
  console.log();
  console.table(
    figures.map((f) => ({
      id: f.id,
      backend: f.backend,
      metric: f.metric,
      value: `${f.value.toLocaleString('en')} ${f.unit}`,
      'beside it (Dekomp ÷ it)': besideText(f),
      target: f.target,
      met: f.met ? 'yes' : 'NO',
      note: f.note ?? '',
    })),
  );
  mkdirSync(values.out, { recursive: true });
  const file = `${values.out}/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2));
  console.log(`figures written to ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
