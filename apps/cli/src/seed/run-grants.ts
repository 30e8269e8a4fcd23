import { REASONS } from './texts.js';
import { SCHEME, type GrantPlan, type RecommendationPlan } from './plan.js';
import { gov, lanes, owner, uni, measurePaths, type RunContext } from './run-context.js';
import type { Who } from './client.js';

/**
 * Steps 6–8 of the seed: the forum's meetings and recommendations (R11–R13, R21), the decisions (R9, R12, R14, R18)
 * and the grants' life (R7, R15–R17).
 */
export async function runForumAndGrants(ctx: RunContext): Promise<void> {
  const { plan, client, send, ids, memberIds, meetingIds } = ctx;
  const { mid } = measurePaths(ctx);
  // ---- 6. The forum: meetings, the recommendation (R11–R13), amended now and then (R21), published (R20).
  ctx.setPhase('forum');
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
  ctx.setPhase('decisions');
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
  ctx.setPhase('acceptance, payments, reports');
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
}
