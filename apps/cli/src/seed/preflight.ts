import type { SeedClient } from './client.js';
import { SCHEME, type SeedPlan } from './plan.js';

/** The store holds an earlier seed run that this plan does not match: nothing was written. */
export class SeedConflictError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 8).map((p) => `  - ${p}`);
    if (problems.length > shown.length) shown.push(`  … and ${problems.length - shown.length} more`);
    super(
      [
        'the store holds an earlier seed run with other options, so this run writes nothing:',
        ...shown,
        'Re-run with the options of the first run (the same --seed, --years and --scale, in the same year and phase of',
        'the year); --offices may name more offices than before. For other options seed an empty store.',
      ].join('\n'),
    );
    this.name = 'SeedConflictError';
  }
}

interface StoredCall {
  callId: string;
  office: string;
  year: number;
  deadline: string;
  decisionDate: string;
}
interface StoredFrame {
  office: string;
  scheme: string;
  year: number;
  frame: number;
}
interface StoredAssessment {
  callId: string;
  leadOwner: string;
  title: string;
}
interface StoredRecommendation {
  callId: string;
  revision: number;
  measures: unknown[];
}
interface StoredCounty {
  county: string;
  years: Array<{ year: number; frame: number }>;
}

const count = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const set = (amount: number, adjustTo?: number) => (adjustTo ? `${amount} (or ${adjustTo} adjusted)` : `${amount}`);

/**
 * Reads (writes nothing) what an earlier seed run left and compares it with this run's plan. Same options: the
 * store matches the plan (or a part of it, after an interrupted run) and the run goes on, replaying what is done.
 * More offices: the offices seeded before match and the new ones are not in the store, so the run extends it.
 * Another seed, --scale, --years or phase of the year: calls, frames or needs assessments differ, and the run is
 * refused before its first command, rather than failing halfway on an Idempotency-Key with a half-seeded store.
 */
export async function checkStoreMatchesPlan(client: SeedClient, plan: SeedPlan): Promise<void> {
  const [calls, frames, assessments, recommendations, counties] = await Promise.all([
    client.list<StoredCall>('/calls'),
    client.list<StoredFrame>(`/frames?scheme=${SCHEME}&limit=500`),
    client.list<StoredAssessment>('/needs-assessments'),
    client.list<StoredRecommendation>('/recommendations'),
    client.list<StoredCounty>('/yrkesfag/counties'),
  ]);
  const problems: string[] = [];
  for (const office of plan.options.offices) {
    const planned = plan.calls.filter((c) => c.office === office);
    const stored = calls.filter((c) => c.office === office && c.callId === `${office}-${SCHEME}-${c.year}`.toLowerCase());
    if (stored.length === 0) continue; // not seeded before: this run adds it
    for (const s of stored) {
      const p = planned.find((c) => c.callId === s.callId);
      if (!p) problems.push(`call ${s.callId} is in the store, but this run seeds ${plan.years.join(', ')} (another --years or year)`);
      else if (s.decisionDate !== p.decisionDate || (s.deadline !== p.deadline && s.deadline !== p.extendTo))
        problems.push(
          `call ${s.callId}: deadline ${s.deadline}, decision date ${s.decisionDate} in the store; this run opens it with ${p.deadline}, ${p.decisionDate}`,
        );
      const mine = count(
        plan.assessments.filter((a) => a.callId === s.callId),
        (a) => `${a.lead} ${a.content.title}`,
      );
      const theirs = count(
        assessments.filter((a) => a.callId === s.callId),
        (a) => `${a.leadOwner} ${a.title}`,
      );
      const foreign = [...theirs].filter(([k, n]) => n > (mine.get(k) ?? 0)).length;
      if (foreign > 0)
        problems.push(
          `call ${s.callId}: ${foreign} needs assessments in the store that this run would not make (another --seed or --scale)`,
        );
      // Past the needs assessments (its recommendation is in), the earlier run made all of its own: as many as this one.
      const rec = recommendations.find((r) => r.callId === s.callId);
      const plannedRec = plan.recommendations.find((r) => r.callId === s.callId);
      const made = sum([...theirs.values()]);
      const making = sum([...mine.values()]);
      if (rec && foreign === 0 && made !== making)
        problems.push(`call ${s.callId}: ${made} needs assessments in the store, ${making} in this run (another --scale)`);
      else if (
        rec &&
        plannedRec &&
        rec.measures.length !== plannedRec.measures.length - (rec.revision === 1 && plannedRec.amendWithLast ? 1 : 0)
      )
        problems.push(`call ${s.callId}: its recommendation has ${rec.measures.length} measures in the store, another number in this run`);
    }
    for (const s of frames.filter((f) => f.office === office && f.scheme === SCHEME)) {
      const p = plan.frames.find((f) => f.office === office && f.year === s.year);
      if (!p) problems.push(`frame ${office} ${SCHEME} ${s.year} is in the store, but not in this run (another --years or year)`);
      else if (s.frame !== p.amount && s.frame !== p.adjustTo)
        problems.push(`frame ${office} ${SCHEME} ${s.year}: ${s.frame} kroner in the store, ${set(p.amount, p.adjustTo)} in this run`);
    }
  }
  for (const s of counties) {
    const p = plan.yrkesfag.find((c) => c.county === s.county);
    for (const y of s.years) {
      const py = p?.years.find((x) => x.year === y.year);
      if (py && y.frame !== py.frame && y.frame !== py.adjustTo)
        problems.push(`YRKESFAG frame ${p!.name} ${y.year}: ${y.frame} kroner in the store, ${set(py.frame, py.adjustTo)} in this run`);
    }
  }
  if (problems.length) throw new SeedConflictError(problems);
}
