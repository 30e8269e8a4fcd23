import { SeedClient, type Step, type TokenIssuer } from './client.js';
import { buildPlan, SCHEME, type SeedOptions, type SeedPlan } from './plan.js';
import { checkStoreMatchesPlan } from './preflight.js';
import { gov, lanes, MINISTRY, type RunContext } from './run-context.js';
import { runAssessments } from './run-assessments.js';
import { runForumAndGrants } from './run-grants.js';
import { runYrkesfag } from './run-yrkesfag.js';
import { countSteps } from './steps.js';
import { REASONS } from './texts.js';

export interface RunOptions {
  /** Requests in flight at once (each aggregate's own commands stay in order). */
  concurrency?: number;
  /** Called as steps complete: (done, total, phase). */
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface SeedResult {
  plan: SeedPlan;
  /** Steps sent, of which answered from an earlier run (idempotent replay) or found existing (409). */
  steps: number;
  replayed: number;
  existed: number;
  retries: number;
  lastPosition: number;
  seconds: number;
  /** The service's ids for what the seed made (needs assessments and measures get uuids from the service). */
  ids: {
    calls: string[];
    forums: string[];
    recommendations: string[];
    assessments: Record<string, string>;
    grants: Record<string, string>;
  };
}

/**
 * Fills the store through the API: the same HTTP commands, tokens, validation, deciders and event store as any
 * client. Deterministic for a seed (and date); every command carries an Idempotency-Key made of the seed and the
 * step, so a second run (or a run after an interruption) replays what was done and appends nothing twice.
 */
export async function runSeed(baseUrl: string, issuer: TokenIssuer, options: SeedOptions, run: RunOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const plan = buildPlan(options);
  const client = new SeedClient(baseUrl, issuer, `seed${options.seed}`, run.concurrency ?? 12);
  const total = countSteps(plan);
  let done = 0;
  let phase = 'organisations';
  client.onStep = () => run.onProgress?.(++done, total, phase);
  const send = <T = any>(step: Step) => client.send<T>(step);
  const ids: SeedResult['ids'] = {
    calls: plan.calls.map((c) => c.callId),
    forums: plan.forums.map((f) => f.forumId),
    recommendations: [],
    assessments: {},
    grants: {},
  };

  // ---- 0. An earlier run with other options: refused before anything is written (preflight.ts).
  await checkStoreMatchesPlan(client, plan);

  // ---- 1. Organisations (R19): the same for every seed, so their keys leave the seed out.
  await lanes(plan.organisations, async (o) => {
    const { office, ...body } = o;
    await client.send(
      { key: `org:${o.orgNumber}`, method: 'POST', path: '/organisations', who: office ? gov(office) : MINISTRY, body, doneIfExists: true },
      'seed',
    );
  });

  // ---- 2. Frames, calls and forums, in parallel (each its own stream; a ledger's and a forum's steps in order).
  phase = 'frames, calls, forums';
  const memberIds = new Map<string, string>();
  const meetingIds = new Map<string, string>();
  await Promise.all([
    lanes([...new Set(plan.frames.map((f) => f.office))], async (office) => {
      for (const f of plan.frames.filter((x) => x.office === office)) {
        await send({
          key: `frame:${office}:${f.year}`,
          method: 'POST',
          path: '/frames',
          who: MINISTRY,
          body: { office, scheme: SCHEME, year: f.year, amount: f.amount },
          doneIfExists: true,
        });
      }
      for (const f of plan.frames.filter((x) => x.office === office && x.adjustTo)) {
        await send({
          key: `frame:${office}:${f.year}:adjust`,
          method: 'POST',
          path: `/frames/${office}/${SCHEME}/${f.year}/adjustments`,
          who: MINISTRY,
          body: { amount: f.adjustTo, reason: REASONS.frameAdjustment },
        });
      }
    }),
    lanes(plan.calls, async (c) => {
      await send({
        key: `call:${c.callId}`,
        method: 'POST',
        path: '/calls',
        who: gov(c.office),
        body: { scheme: SCHEME, year: c.year, title: c.title, deadline: c.deadline, decisionDate: c.decisionDate },
        doneIfExists: true,
      });
    }),
    lanes(plan.forums, async (f) => {
      await send({
        key: `forum:${f.forumId}`,
        method: 'POST',
        path: '/forums',
        who: gov(f.office),
        body: { name: f.name, counties: f.counties },
        doneIfExists: true,
      });
      for (const m of f.members) {
        const r = await send<{ memberId: string }>({
          key: `forum:${f.forumId}:member:${m.key}`,
          method: 'POST',
          path: `/forums/${f.forumId}/members`,
          who: gov(f.office),
          body: { ...(m.orgNumber ? { orgNumber: m.orgNumber } : {}), name: m.name, category: m.category, joinedOn: m.joinedOn },
        });
        memberIds.set(`${f.forumId}:${m.key}`, r!.memberId);
      }
      for (const m of f.members.filter((x) => x.leftOn)) {
        await send({
          key: `forum:${f.forumId}:member:${m.key}:left`,
          method: 'POST',
          path: `/forums/${f.forumId}/members/${memberIds.get(`${f.forumId}:${m.key}`)}/departure`,
          who: gov(f.office),
          body: { leftOn: m.leftOn, reason: REASONS.memberLeft },
        });
      }
    }),
  ]);

  // ---- 3–8. DEKOMP: needs assessments, partnerships, submissions; the forum, decisions, the grants' life.
  const ctx: RunContext = { plan, client, send, ids, memberIds, meetingIds, measureIds: new Map(), setPhase: (p) => (phase = p) };
  await runAssessments(ctx);
  await runForumAndGrants(ctx);

  // ---- 9. YRKESFAG (R24): Udir and each county municipality, no governor.
  phase = 'YRKESFAG';
  await runYrkesfag(plan.yrkesfag, send);
  await client.waitForReadModels();
  if (process.env.SEED_TIMING) {
    for (const [k, t] of [...client.timing].sort((a, b) => b[1].ms - a[1].ms))
      console.log(`${(t.ms / 1000).toFixed(1).padStart(7)} s ${String(t.n).padStart(6)} × ${(t.ms / t.n).toFixed(1).padStart(6)} ms  ${k}`);
  }

  return {
    plan,
    steps: client.stats.sent,
    replayed: client.stats.replayed,
    existed: client.stats.existed,
    retries: client.stats.retries,
    lastPosition: client.maxPosition,
    seconds: (Date.now() - started) / 1000,
    ids,
  };
}
