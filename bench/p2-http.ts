import autocannon from 'autocannon';
import { DevTokenIssuer } from '#libs/auth';
import { municipalitiesOfCounty, orgNumberWithCheckDigit } from '#libs/reference-data';
import { benchDatabase, percentile, type Figure, type BenchBackend } from './support.js';
import { startService } from './service.js';

const OWNERS = 120;

interface Ctx {
  url: string;
  ministry: string;
  ownerTokens: string[];
  owners: string[];
  drafts: Array<{ id: string; owner: number }>;
}

async function call(
  url: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Registers owners and a university, opens a call, and makes a draft per owner: the state the mix works on. */
async function prepare(url: string, dataDir: string): Promise<Ctx> {
  const issuer = new DevTokenIssuer(dataDir);
  const ministry = await issuer.issue({ role: 'ministry', org: '972417750' });
  const governor = await issuer.issue({ role: 'governor', office: 'ROGALAND' });
  const municipalities = municipalitiesOfCounty('11');
  const owners: string[] = [];
  for (let i = 0; owners.length < OWNERS; i++) {
    const org = (() => {
      try {
        return orgNumberWithCheckDigit(String(81000000 + i));
      } catch {
        return null;
      }
    })();
    if (!org) continue;
    const r = await call(url, 'POST', '/organisations', ministry, {
      orgNumber: org,
      name: `Eier ${i}`,
      kind: 'private_owner',
      municipalityNumber: municipalities[i % municipalities.length].number,
    });
    if (r.status !== 201) throw new Error(`setup: ${r.status} ${JSON.stringify(r.body)}`);
    owners.push(org);
  }
  const opened = await call(url, 'POST', '/calls', governor, { scheme: 'DEKOMP', year: 2030, title: 'Bench', deadline: '2030-02-01' });
  if (opened.status !== 201) throw new Error(`setup call: ${opened.status}`);
  const ownerTokens = await Promise.all(owners.map((org) => issuer.issue({ role: 'school_owner', org })));
  const drafts: Ctx['drafts'] = [];
  for (let i = 0; i < owners.length; i++) {
    const r = await call(url, 'POST', '/needs-assessments', ownerTokens[i], {
      callId: 'rogaland-dekomp-2030',
      title: `Behovsmelding ${i}`,
    });
    if (r.status !== 201) throw new Error(`setup draft: ${r.status} ${JSON.stringify(r.body)}`);
    drafts.push({ id: r.body.id, owner: i });
  }
  return { url, ministry, ownerTokens, owners, drafts };
}

const content = (n: number) => ({
  title: `Behovsmelding ${n}`,
  summary: 'Lokal analyse av kompetansebehov',
  anchoring: {
    staffInvolvement: 'Teams',
    leaderInvolvement: 'Rektormøter',
    universityParticipation: 'UiS deltok',
    plans: ['Kompetanseplan'],
  },
  themes: { goals: ['learning_environment'], tags: ['lesing'] },
});

/**
 * P2: the whole HTTP command path (auth, validation, decide, append, respond) under a mix of commands with
 * autocannon; P4: read-your-writes wait under the same load.
 */
export async function p2p4Http(backend: BenchBackend, seconds: number): Promise<Figure[]> {
  const db = await benchDatabase(backend);
  const dataDir = db.dataDir ?? (await import('node:fs')).mkdtempSync('/tmp/dekomp-bench-keys-');
  // Embedded: the service opens its own data directory, so release ours first.
  if (backend === 'embedded') await db.client.close();
  const service = await startService({
    DATA_DIR: dataDir,
    ...(process.env.BENCH_BATCH ? { PROJECTION_BATCH_SIZE: process.env.BENCH_BATCH } : {}),
    ...(db.url ? { DATABASE_URL: db.url, DB_POOL_SIZE: '16' } : {}),
  });
  try {
    const ctx = await prepare(service.url, dataDir);
    let n = 0;
    const mix = (): { method: string; path: string; body: string; headers: Record<string, string> } => {
      n++;
      const r = Math.random();
      const owner = Math.floor(Math.random() * ctx.owners.length);
      if (r < 0.3) {
        return {
          method: 'POST',
          path: '/needs-assessments',
          body: JSON.stringify({ callId: 'rogaland-dekomp-2030', title: `Utkast ${n}` }),
          headers: { authorization: `Bearer ${ctx.ownerTokens[owner]}` },
        };
      }
      if (r < 0.7) {
        const d = ctx.drafts[owner];
        return {
          method: 'PUT',
          path: `/needs-assessments/${d.id}/content`,
          body: JSON.stringify(content(n)),
          headers: { authorization: `Bearer ${ctx.ownerTokens[d.owner]}` },
        };
      }
      return {
        method: 'POST',
        path: `/organisations/${ctx.owners[owner]}/amendments`,
        body: JSON.stringify({ name: `Eier ${owner} (${n})`, reason: 'bench' }),
        headers: { authorization: `Bearer ${ctx.ministry}` },
      };
    };
    const result = await autocannon({
      url: service.url,
      connections: 16,
      duration: seconds,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req: any) => {
            const m = mix();
            return { ...req, ...m, headers: { ...req.headers, ...m.headers } };
          },
        },
      ],
    });
    const ok = result['2xx'];
    const conflicts = result.non2xx;
    const figures: Figure[] = [
      {
        id: 'P2',
        backend,
        metric: 'HTTP commands (auth, validation, decide, append, respond), 16 connections',
        value: Math.round(ok / result.duration),
        unit: 'commands/s',
        target: '≥ 1,500 commands/s, p99 < 50 ms',
        met: ok / result.duration >= 1500 && result.latency.p99 < 50,
        note: `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${conflicts} non-2xx (409 on concurrent edits of one draft) of ${result.requests.total}`,
      },
    ];

    // P4 under load: commands, each followed by a read that waits for its position.
    const load = autocannon({
      url: service.url,
      connections: 8,
      duration: Math.max(5, seconds),
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req: any) => {
            const m = mix();
            return { ...req, ...m, headers: { ...req.headers, ...m.headers } };
          },
        },
      ],
    });
    const waits: number[] = [];
    const until = Date.now() + Math.max(4, seconds - 1) * 1000;
    while (Date.now() < until) {
      const owner = Math.floor(Math.random() * ctx.owners.length);
      const cmd = await call(service.url, 'POST', `/organisations/${ctx.owners[owner]}/amendments`, ctx.ministry, {
        name: `Eier ${owner} rw`,
        reason: 'p4',
      });
      if (cmd.status !== 200) continue;
      const t = performance.now();
      const read = await call(service.url, 'GET', `/organisations/${ctx.owners[owner]}?minPosition=${cmd.body.position}`, ctx.ministry);
      if (read.status === 200) waits.push(performance.now() - t);
    }
    await load;
    waits.sort((a, b) => a - b);
    figures.push({
      id: 'P4',
      backend,
      metric: 'read-your-writes: command response → read model at its position (GET ?minPosition), under load',
      value: Number(percentile(waits, 99).toFixed(1)),
      unit: 'ms p99',
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
