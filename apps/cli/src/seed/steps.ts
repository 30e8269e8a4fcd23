import type { SeedPlan } from './plan.js';
import { countYrkesfagSteps } from './plan-yrkesfag.js';

/** Counts the steps of the plan for the progress bar (the same branches as the run). */
export function countSteps(plan: SeedPlan): number {
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
