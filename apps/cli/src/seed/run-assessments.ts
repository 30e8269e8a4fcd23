import type { Who } from './client.js';
import { REASONS } from './texts.js';
import type { AssessmentPlan, LinesPlan } from './plan.js';
import { gov, lanes, measurePaths, owner, uni, type RunContext } from './run-context.js';

/** Steps 3–5 of the seed: needs assessments (R4–R10), university partnerships (R2, R3), submissions (R10, R14, R21). */
export async function runAssessments(ctx: RunContext): Promise<void> {
  const { plan, client, send, ids } = ctx;
  const { mid, naPath } = measurePaths(ctx);
  // ---- 3. Needs assessments as drafts: content, network, measures and every owner's own lines (R4–R7, R9, R10).
  ctx.setPhase('needs assessments');
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
      ctx.measureIds.set(`${a.key}:${m.key}`, r!.measureId);
      for (const [org, lines] of Object.entries(m.ownerLines)) await setLines(a, m.key, org, lines, owner(org));
      if (m.universityLines) await setLines(a, m.key, m.university, m.universityLines, lead);
    }
  });
  await client.waitForReadModels();

  // ---- 4. University partnerships (R2, R3): commit, or decline and be replaced by another university.
  ctx.setPhase('partnerships');
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
  ctx.setPhase('submissions');
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
}
