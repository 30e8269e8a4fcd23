import type { SeedClient } from './client.js';
import { buildPlan, SCHEME, type SeedPlan } from './plan.js';
import { checkStoreMatchesPlan, SeedConflictError } from './preflight.js';

const plan = buildPlan({ seed: 3, years: 2, offices: ['AGDER'], scale: 0.05, today: '2026-11-22' });

/** What the read models would answer after `plan` was seeded in full, changed by `edit`. */
function storeOf(p: SeedPlan, edit: (rows: Record<string, unknown[]>) => void = () => undefined): SeedClient {
  const rows: Record<string, unknown[]> = {
    '/calls': p.calls.map((c) => ({ ...c, deadline: c.extendTo ?? c.deadline })),
    [`/frames?scheme=${SCHEME}&limit=500`]: p.frames.map((f) => ({
      office: f.office,
      scheme: SCHEME,
      year: f.year,
      frame: f.adjustTo ?? f.amount,
    })),
    '/needs-assessments': p.assessments.map((a) => ({ callId: a.callId, leadOwner: a.lead, title: a.content.title })),
    '/recommendations': p.recommendations.map((r) => ({ callId: r.callId, revision: r.amendWithLast ? 2 : 1, measures: r.measures })),
    '/yrkesfag/counties': p.yrkesfag.map((c) => ({
      county: c.county,
      years: c.years.map((y) => ({ year: y.year, frame: y.adjustTo ?? y.frame })),
    })),
  };
  edit(rows);
  return { list: (path: string) => Promise.resolve(rows[path] ?? []) } as unknown as SeedClient;
}

describe('seed preflight: a re-run is checked against the store before it writes', () => {
  it('goes on over an empty store, the same plan, or one with more offices', async () => {
    await expect(
      checkStoreMatchesPlan(storeOf({ ...plan, calls: [], frames: [], assessments: [], recommendations: [], yrkesfag: [] }), plan),
    ).resolves.toBeUndefined();
    await expect(checkStoreMatchesPlan(storeOf(plan), plan)).resolves.toBeUndefined();
    const more = buildPlan({ ...plan.options, offices: ['ROGALAND', 'AGDER'] });
    await expect(checkStoreMatchesPlan(storeOf(plan), more)).resolves.toBeUndefined();
  });

  it('goes on after an interruption before the recommendations: fewer needs assessments, none foreign', async () => {
    const store = storeOf(plan, (rows) => {
      rows['/needs-assessments'] = rows['/needs-assessments'].slice(1);
      rows['/recommendations'] = [];
    });
    await expect(checkStoreMatchesPlan(store, plan)).resolves.toBeUndefined();
  });

  it('refuses fewer needs assessments once the recommendation is in (another --scale), naming the call', async () => {
    const call = plan.recommendations[0].callId;
    const store = storeOf(plan, (rows) => {
      const i = (rows['/needs-assessments'] as Array<{ callId: string }>).findIndex((a) => a.callId === call);
      rows['/needs-assessments'].splice(i, 1);
    });
    await expect(checkStoreMatchesPlan(store, plan)).rejects.toThrow(
      new RegExp(`call ${call}: \\d+ needs assessments in the store, \\d+ in this run`),
    );
  });

  it('refuses another frame, another YRKESFAG frame, a foreign needs assessment and a call of another year', async () => {
    const store = storeOf(plan, (rows) => {
      (rows[`/frames?scheme=${SCHEME}&limit=500`][0] as { frame: number }).frame += 100_000;
      (rows['/yrkesfag/counties'][0] as { years: Array<{ frame: number }> }).years[0].frame += 100_000;
      rows['/needs-assessments'].push({ callId: plan.calls[0].callId, leadOwner: '999999999', title: 'Annen' });
      rows['/calls'].push({ callId: `agder-dekomp-2031`, office: 'AGDER', year: 2031, deadline: '2031-02-01', decisionDate: '2031-04-30' });
    });
    const error = (await checkStoreMatchesPlan(store, plan).catch((e: unknown) => e)) as SeedConflictError;
    expect(error).toBeInstanceOf(SeedConflictError);
    expect(error.problems).toEqual([
      expect.stringMatching(/^call agder-dekomp-\d+: 1 needs assessments in the store that this run would not make/),
      expect.stringMatching(/^call agder-dekomp-2031 is in the store, but this run seeds 2026, 2027/),
      expect.stringMatching(/^frame AGDER DEKOMP \d+: \d+ kroner in the store/),
      expect.stringMatching(/^YRKESFAG frame .+ 2026: \d+ kroner in the store/),
    ]);
  });
});
