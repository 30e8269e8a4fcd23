import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { postgresAnswers, type Figure, type BenchBackend } from './support.js';

/** npm run bench [-- --only P1,P3 --events 1000000 --appends 500] — prints a table and writes JSON. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      events: { type: 'string', default: '1000000' },
      appends: { type: 'string', default: '400' },
      seconds: { type: 'string', default: '10' },
      grants: { type: 'string', default: '34000' },
      out: { type: 'string', default: 'bench/results' },
    },
  });
  const only = values.only ? values.only.split(',').map((s) => s.trim().toUpperCase()) : undefined;
  const wants = (id: string) => !only || only.includes(id);
  const backends: BenchBackend[] = ['embedded'];
  if (await postgresAnswers()) backends.unshift('postgres');
  console.log(`backends: ${backends.join(', ')}${backends.includes('postgres') ? '' : ' (PostgreSQL at 127.0.0.1:5432 did not answer)'}`);
  const figures: Figure[] = [];
  const run = async (id: string, fn: () => Promise<Figure>) => {
    if (!wants(id)) return;
    process.stdout.write(`running ${id}… `);
    const f = await fn();
    figures.push(f);
    console.log(`${f.value.toLocaleString('en')} ${f.unit}${f.ratio !== undefined ? ` (${f.ratio} × baseline)` : ''}`);
  };
  for (const backend of backends) {
    await run('P1', async () => (await import('./p1-append.js')).p1Append(backend, Number(values.appends)));
    if (wants('P2') || wants('P4')) {
      process.stdout.write('running P2/P4… ');
      const fs = await (await import('./p2-http.js')).p2p4Http(backend, Number(values.seconds));
      for (const f of fs) if (wants(f.id)) figures.push(f);
      console.log(fs.map((f) => `${f.id} ${f.value.toLocaleString('en')} ${f.unit}`).join('; '));
    }
    await run('P3', async () => (await import('./p3-rebuild.js')).p3Rebuild(backend, Number(values.events)));
    await run('P5', async () => (await import('./p5-export.js')).p5Export(backend, Number(values.grants)));
  }
  console.log();
  console.table(
    figures.map((f) => ({
      id: f.id,
      backend: f.backend,
      metric: f.metric,
      value: `${f.value.toLocaleString('en')} ${f.unit}`,
      baseline: f.baseline?.toLocaleString('en') ?? '',
      ratio: f.ratio ?? '',
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
