import type { OfficeCode } from '#libs/reference-data';
import { Prng } from './prng.js';
import type { GrantPlan, MeasurePlan, OrgKind } from './plan.types.js';
import { EVALUATIONS, REASONS, TEACHER_EDUCATION_FEEDBACK } from './texts.js';
import { ceilTo, minimumCoFinancing, round } from './plan-helpers.js';

export interface GrantInput {
  key: string;
  office: OfficeCode;
  year: number;
  measure: GrantPlan['measure'];
  recipientOrg: string;
  recipientKind: OrgKind;
  recommended: GrantPlan['recommended'];
  decided: GrantPlan['decided'];
  current: number;
  measure_: MeasurePlan;
  deviates: boolean;
}

/** A grant's life after the decision; `forceReport` makes it report whatever the draw (same draws otherwise). */
export function planGrant(rng: Prng, g: GrantInput, forceReport = false): GrantPlan {
  const owner = g.recipientKind !== 'university';
  const plan: GrantPlan = {
    key: g.key,
    office: g.office,
    year: g.year,
    measure: g.measure,
    recipientOrg: g.recipientOrg,
    recipientKind: g.recipientKind,
    recommended: g.recommended,
    decided: g.decided,
    ...(g.deviates ? { deviationReason: REASONS.deviation } : {}),
    accept: false,
    coFinancing: [],
    payments: [],
    approve: false,
    claims: [],
  };
  if (rng.chance(0.01)) {
    plan.revocation = REASONS.revocation;
    return plan;
  }
  let lines = g.decided;
  if (lines.length >= 2 && rng.chance(0.04)) {
    const last = lines[lines.length - 1];
    lines = [...lines.slice(0, -1), { year: last.year, amount: round(last.amount * (0.75 + rng.next() * 0.15), 1000) }];
    plan.amendment = { amounts: lines, reason: REASONS.allocationAmendment };
  }
  plan.accept = rng.chance(0.97);
  if (!plan.accept) return plan;
  // R7: an owner commits at least ceil(30 %) per year, in money, salary or released time; a university none.
  plan.coFinancing = owner
    ? lines.map((l) => {
        const committed = ceilTo(minimumCoFinancing(l.amount) * (1 + rng.next() * 0.3), 1000);
        const money = rng.chance(0.4) ? round(committed * 0.3, 1000) : 0;
        const salary = rng.chance(0.5) ? round((committed - money) / 2, 1000) : 0;
        return { year: l.year, money, salary, releasedTime: committed - money - salary };
      })
    : [];
  // Payments and reports for the current year only: later years are not due yet (R15 would block payments to a
  // recipient whose past report is overdue, and every report of a past year would be late).
  const line = lines.find((l) => l.year === g.current);
  if (!line) return plan;
  if (rng.chance(0.3)) {
    const first = round(line.amount * 0.6, 1000);
    plan.payments.push({ year: line.year, amount: first }, { year: line.year, amount: line.amount - first });
  } else {
    plan.payments.push({ year: line.year, amount: line.amount });
  }
  if (!rng.chance(0.45) && !forceReport) return plan;
  const paid = line.amount;
  const unspent = rng.chance(0.3) ? round(paid * (0.05 + rng.next() * 0.15), 1000) : 0;
  const required = owner ? minimumCoFinancing(line.amount) : 0;
  const shortfall = owner && rng.chance(0.08);
  const documented = owner
    ? shortfall
      ? round(required * (0.7 + rng.next() * 0.2), 1000)
      : ceilTo(required * (1 + rng.next() * 0.25), 1000)
    : 0;
  const p = g.measure_.fields.participants;
  plan.report = {
    year: line.year,
    spent: paid - unspent,
    unspent,
    coFinancingProvided: { money: 0, salary: round(documented / 2, 1000), releasedTime: documented - round(documented / 2, 1000) },
    participants: [
      { role: 'teacher', count: Math.max(1, Math.round(p.teachers * (0.8 + rng.next() * 0.2))) },
      { role: 'school_leader', count: p.leaders },
      ...(p.otherStaff ? [{ role: 'other_staff', count: p.otherStaff }] : []),
    ],
    evaluation: rng.pick(EVALUATIONS),
    ...(owner ? {} : { teacherEducationFeedback: rng.pick(TEACHER_EDUCATION_FEEDBACK) }),
  };
  plan.approve = !shortfall && rng.chance(0.65);
  if (unspent > 0) {
    const draw = rng.next();
    plan.claims.push({
      year: line.year,
      amount: unspent,
      reason: REASONS.repayment,
      settle: draw < 0.6 ? unspent : draw < 0.8 ? round(unspent / 2, 1000) || unspent : 0,
    });
  }
  if (shortfall && rng.chance(0.5)) {
    // R7: the governor may claim back a proportional part of the grant for missing co-financing (R16).
    const missing = required - documented;
    const amount = Math.min(paid - unspent, Math.floor((paid * missing) / required));
    if (amount > 0)
      plan.claims.push({ year: line.year, amount, reason: `Manglende egenandel: ${missing} kr under minstekravet (R7)`, settle: 0 });
  }
  return plan;
}
