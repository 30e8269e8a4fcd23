import { SeedClient, type Step, type TokenIssuer, type Who } from './client.js';
import { countYrkesfagSteps } from './plan-yrkesfag.js';
import { checkStoreMatchesPlan } from './preflight.js';
import { runYrkesfag } from './run-yrkesfag.js';
import { REASONS } from './texts.js';
import {
  buildPlan,
  SCHEME,
  type AssessmentPlan,
  type GrantPlan,
  type LinesPlan,
  type RecommendationPlan,
  type SeedOptions,
  type SeedPlan,
} from './plan.js';

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

const gov = (office: string): Who => ({ role: 'governor', office });
const owner = (org: string): Who => ({ role: 'school_owner', org });
const uni = (org: string): Who => ({ role: 'university', org });
const MINISTRY: Who = { role: 'ministry' };

/** Runs lanes concurrently (each lane's steps in order); the client bounds the requests in flight. */
async function lanes<T>(items: readonly T[], lane: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map(lane));
}

/** Counts the steps of the plan for the progress bar (the same branches as the run). */
function countSteps(plan: SeedPlan): number {
  let n = plan.organisations.length + plan.calls.length + plan.calls.filter((c) => c.extendTo).length;
  n += plan.frames.length + plan.frames.filter((f) => f.adjustTo).length;
  for (const f of plan.forums) n += 1 + f.members.length + f.members.filter((m) => m.leftOn).length + f.meetings.length;
  for (const a of plan.assessments) {
    n += 2 + a.coOwners.length;
    for (const m of a.measures) {
      n += 1 + Object.keys(m.ownerLines).length + (m.universityLines ? 1 : 0);
      n += m.answer === 'commit' ? 1 : m.answer === 'decline' ? 3 + (m.replacement?.lines ? 1 : 0) : 0;
      if (m.subcontractor) n += 1;
    }
    if (a.submission !== 'draft') n += a.coOwners.length + 1;
    if (a.amendment) n += 2 + a.coOwners.length;
    if (a.withdrawal) n += 1;
  }
  for (const r of plan.recommendations) n += 2 + (r.amendWithLast ? 1 : 0);
  for (const g of plan.grants) {
    n +=
      1 +
      (g.amendment ? 1 : 0) +
      (g.revocation ? 1 : 0) +
      (g.accept ? 1 : 0) +
      g.payments.length +
      (g.report ? 1 : 0) +
      (g.approve ? 1 : 0);
    for (const c of g.claims) n += 1 + (c.settle > 0 ? 1 : 0);
  }
  return n + countYrkesfagSteps(plan.yrkesfag);
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

  // ---- 3. Needs assessments as drafts: content, network, measures and every owner's own lines (R4–R7, R9, R10).
  phase = 'needs assessments';
  const measureIds = new Map<string, string>();
  const mid = (a: AssessmentPlan, measureKey: string) => measureIds.get(`${a.key}:${measureKey}`)!;
  const naPath = (a: AssessmentPlan) => `/needs-assessments/${ids.assessments[a.key]}`;
  const setLines = (a: AssessmentPlan, measureKey: string, org: string, lines: LinesPlan, who: Who, tag = 'lines') =>
    send({
      key: `na:${a.key}:${measureKey}:${tag}:${org}`,
      method: 'PUT',
      path: `${naPath(a)}/measures/${mid(a, measureKey)}/lines/${org}`,
      who,
      body: lines,
    });
  await lanes(plan.assessments, async (a) => {
    const lead = owner(a.lead);
    const created = await send<{ id: string }>({
      key: `na:${a.key}:create`,
      method: 'POST',
      path: '/needs-assessments',
      who: lead,
      body: { callId: a.callId, title: a.title },
    });
    ids.assessments[a.key] = created!.id;
    await send({ key: `na:${a.key}:content`, method: 'PUT', path: `${naPath(a)}/content`, who: lead, body: a.content });
    for (const co of a.coOwners)
      await send({
        key: `na:${a.key}:invite:${co}`,
        method: 'POST',
        path: `${naPath(a)}/network-owners`,
        who: lead,
        body: { orgNumber: co },
      });
    for (const m of a.measures) {
      const r = await send<{ measureId: string }>({
        key: `na:${a.key}:${m.key}:add`,
        method: 'POST',
        path: `${naPath(a)}/measures`,
        who: lead,
        body: { ...m.fields, universityOrg: m.university },
      });
      measureIds.set(`${a.key}:${m.key}`, r!.measureId);
      for (const [org, lines] of Object.entries(m.ownerLines)) await setLines(a, m.key, org, lines, owner(org));
      if (m.universityLines) await setLines(a, m.key, m.university, m.universityLines, lead);
    }
  });
  await client.waitForReadModels();

  // ---- 4. University partnerships (R2, R3): commit, or decline and be replaced by another university.
  phase = 'partnerships';
  await lanes(plan.assessments, async (a) => {
    for (const m of a.measures) {
      const measureId = mid(a, m.key);
      const last = m.fields.startYear + m.fields.spanYears - 1;
      const commit = (university: string) =>
        send({
          key: `pt:${a.key}:${m.key}:${university}:commit`,
          method: 'POST',
          path: `/partnerships/${measureId}/commitment`,
          who: uni(university),
          body: { ...m.commitment, fromYear: m.fields.startYear, toYear: last },
        });
      let partner = m.university;
      if (m.answer === 'commit') await commit(m.university);
      if (m.answer === 'decline' && m.replacement) {
        await send({
          key: `pt:${a.key}:${m.key}:${m.university}:decline`,
          method: 'POST',
          path: `/partnerships/${measureId}/decline`,
          who: uni(m.university),
          body: { reason: m.declineReason, explanation: m.declineExplanation },
        });
        partner = m.replacement.university;
        await send({
          key: `na:${a.key}:${m.key}:replace`,
          method: 'POST',
          path: `${naPath(a)}/measures/${measureId}/university-replacement`,
          who: owner(a.lead),
          body: { universityOrg: partner, reason: REASONS.replacement },
        });
        if (m.replacement.lines) await setLines(a, m.key, partner, m.replacement.lines, owner(a.lead));
        await commit(partner);
      }
      if (m.subcontractor && m.answer !== 'none') {
        await send({
          key: `pt:${a.key}:${m.key}:${partner}:sub`,
          method: 'POST',
          path: `/partnerships/${measureId}/subcontractors`,
          who: uni(partner),
          body: m.subcontractor,
        });
      }
    }
  });

  // ---- 5. Submissions (R10, R14): the late ones first, then the deadline is extended and the rest arrive in time.
  phase = 'submissions';
  const submit = async (a: AssessmentPlan) => {
    for (const co of a.coOwners)
      await send({ key: `na:${a.key}:confirm:${co}`, method: 'POST', path: `${naPath(a)}/confirmations`, who: owner(co) });
    await send({ key: `na:${a.key}:submit`, method: 'POST', path: `${naPath(a)}/submission`, who: owner(a.lead) });
  };
  await lanes(
    plan.assessments.filter((a) => a.submission === 'late'),
    submit,
  );
  await lanes(
    plan.calls.filter((c) => c.extendTo),
    async (c) => {
      await send({
        key: `call:${c.callId}:extend`,
        method: 'POST',
        path: `/calls/${c.callId}/deadline-extensions`,
        who: gov(c.office),
        body: { deadline: c.extendTo, reason: REASONS.deadlineExtension },
      });
    },
  );
  await lanes(
    plan.assessments.filter((a) => a.submission !== 'draft'),
    async (a) => {
      if (a.submission === 'on_time') await submit(a);
      if (a.amendment) {
        await setLines(a, a.amendment.measureKey, a.lead, a.amendment.lines, owner(a.lead), 'amended-lines');
        for (const co of a.coOwners)
          await send({ key: `na:${a.key}:reconfirm:${co}`, method: 'POST', path: `${naPath(a)}/confirmations`, who: owner(co) });
        await send({
          key: `na:${a.key}:amend`,
          method: 'POST',
          path: `${naPath(a)}/amendments`,
          who: owner(a.lead),
          body: { reason: a.amendment.reason },
        });
      }
      if (a.withdrawal)
        await send({
          key: `na:${a.key}:withdraw`,
          method: 'POST',
          path: `${naPath(a)}/withdrawal`,
          who: owner(a.lead),
          body: { reason: a.withdrawal },
        });
    },
  );
  await client.waitForReadModels();

  // ---- 6. The forum: meetings, the recommendation (R11–R13), amended now and then (R21), published (R20).
  phase = 'forum';
  const byAssessment = new Map(plan.assessments.map((a) => [a.key, a]));
  const recommendedMeasure = (m: RecommendationPlan['measures'][number]) => {
    const { measure, ...rest } = m;
    return { measureId: mid(byAssessment.get(measure.assessmentKey)!, measure.measureKey), ...rest };
  };
  await lanes(plan.forums, async (f) => {
    for (const mt of f.meetings) {
      const r = await send<{ meetingId: string }>({
        key: `forum:${f.forumId}:meeting:${mt.key}`,
        method: 'POST',
        path: `/forums/${f.forumId}/meetings`,
        who: gov(f.office),
        body: {
          date: mt.date,
          agenda: mt.agenda,
          minutesSummary: mt.minutesSummary,
          presentMemberIds: mt.present.map((k) => memberIds.get(`${f.forumId}:${k}`)!),
        },
      });
      meetingIds.set(`${f.forumId}:${mt.key}`, r!.meetingId);
    }
    for (const rec of plan.recommendations.filter((r) => r.office === f.office)) {
      const recommendationId = `${f.forumId}--${rec.callId}`;
      ids.recommendations.push(recommendationId);
      const content = (measures: RecommendationPlan['measures']) => ({
        meetingId: meetingIds.get(`${f.forumId}:${rec.meetingKey}`),
        outcome: rec.outcome,
        ...(rec.vote ? { vote: rec.vote } : {}),
        measures: measures.map(recommendedMeasure),
        note: rec.note,
      });
      const first = rec.amendWithLast ? rec.measures.slice(0, -1) : rec.measures;
      await send({
        key: `rec:${recommendationId}`,
        method: 'POST',
        path: `/forums/${f.forumId}/recommendations`,
        who: gov(f.office),
        body: { callId: rec.callId, ...content(first) },
        doneIfExists: true,
      });
      if (rec.amendWithLast) {
        await send({
          key: `rec:${recommendationId}:amend`,
          method: 'POST',
          path: `/recommendations/${recommendationId}/amendments`,
          who: gov(f.office),
          body: { ...content(rec.measures), reason: REASONS.recommendationAmendment },
        });
      }
      await send({
        key: `rec:${recommendationId}:publish`,
        method: 'POST',
        path: `/recommendations/${recommendationId}/publication`,
        who: gov(f.office),
      });
    }
  });
  await client.waitForReadModels();

  // ---- 7. Decisions (R9, R12, R14, R18): one frame ledger per office, so its decisions go in order.
  phase = 'decisions';
  const grantPath = (g: GrantPlan) => `/grants/${ids.grants[g.key]}`;
  await lanes([...new Set(plan.grants.map((g) => g.office))], async (office) => {
    const mine = plan.grants.filter((g) => g.office === office);
    for (const g of mine) {
      const measureId = mid(byAssessment.get(g.measure.assessmentKey)!, g.measure.measureKey);
      ids.grants[g.key] = `${g.office}.${SCHEME}.${measureId}.${g.recipientOrg}`;
      await send({
        key: `grant:${g.key}:decide`,
        method: 'POST',
        path: '/grants',
        who: gov(office),
        body: {
          scheme: SCHEME,
          year: g.year,
          measureId,
          recipientOrg: g.recipientOrg,
          amounts: g.decided,
          ...(g.deviationReason ? { deviationReason: g.deviationReason } : {}),
        },
        doneIfExists: true,
      });
    }
    for (const g of mine.filter((x) => x.amendment)) {
      await send({ key: `grant:${g.key}:amend`, method: 'POST', path: `${grantPath(g)}/amendments`, who: gov(office), body: g.amendment });
    }
    for (const g of mine.filter((x) => x.revocation)) {
      await send({
        key: `grant:${g.key}:revoke`,
        method: 'POST',
        path: `${grantPath(g)}/revocation`,
        who: gov(office),
        body: { reason: g.revocation },
      });
    }
  });

  // ---- 8. The grant's life (R7, R15–R17): acceptance with co-financing, payments, reports, settlement.
  phase = 'acceptance, payments, reports';
  await lanes(
    plan.grants.filter((g) => g.accept),
    async (g) => {
      const recipient: Who = g.recipientKind === 'university' ? uni(g.recipientOrg) : owner(g.recipientOrg);
      await send({
        key: `grant:${g.key}:accept`,
        method: 'POST',
        path: `${grantPath(g)}/acceptance`,
        who: recipient,
        body: { coFinancing: g.coFinancing },
        doneIfExists: true,
      });
      for (const [i, p] of g.payments.entries())
        await send({ key: `grant:${g.key}:pay:${i}`, method: 'POST', path: `${grantPath(g)}/payments`, who: gov(g.office), body: p });
      if (g.report)
        await send({
          key: `grant:${g.key}:report:${g.report.year}`,
          method: 'POST',
          path: `${grantPath(g)}/reports`,
          who: recipient,
          body: g.report,
          doneIfExists: true,
        });
      if (g.report && g.approve)
        await send({
          key: `grant:${g.key}:approve:${g.report.year}`,
          method: 'POST',
          path: `${grantPath(g)}/reports/${g.report.year}/approval`,
          who: gov(g.office),
          doneIfExists: true,
        });
      for (const [i, c] of g.claims.entries()) {
        const r = await send<{ claimId: string }>({
          key: `grant:${g.key}:claim:${i}`,
          method: 'POST',
          path: `${grantPath(g)}/repayment-claims`,
          who: gov(g.office),
          body: { year: c.year, amount: c.amount, reason: c.reason },
        });
        if (c.settle > 0)
          await send({
            key: `grant:${g.key}:claim:${i}:settle`,
            method: 'POST',
            path: `${grantPath(g)}/repayment-claims/${r!.claimId}/settlements`,
            who: gov(g.office),
            body: { amount: c.settle },
          });
      }
    },
  );
  await client.waitForReadModels();

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
