import { minimumCoFinancing, SCHOOL_OWNER_KINDS, type RuleSet, type RuleViolation } from '#libs/kernel';
import type { Warning } from '#libs/platform';
import {
  BUDGET_CATEGORIES,
  CO_FINANCING_FORMS,
  NATIONAL_GOALS,
  type AssessmentContent,
  type Measure,
  type MeasureFields,
  type NeedsAssessmentState,
  type OrgFacts,
  type OrgLines,
} from './needs-assessment.types.js';

const isMoney = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const blank = (s: string | undefined) => !s || s.trim() === '';

/** R9: a measure spans 1–3 school years (configurable), starting in the call's year or later. */
export function measureViolations(m: MeasureFields, callYear: number, rules: RuleSet): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (!Number.isInteger(m.spanYears) || m.spanYears < 1 || m.spanYears > rules.maxSpanYears) {
    v.push({ rule: 'R9', field: 'spanYears', message: `a measure spans 1 to ${rules.maxSpanYears} school years; got ${m.spanYears}` });
  }
  if (!Number.isInteger(m.startYear) || m.startYear < callYear || m.startYear > callYear + 1) {
    v.push({ rule: 'R9', field: 'startYear', message: `a measure of the ${callYear} call starts in school year ${callYear} or ${callYear + 1}; got ${m.startYear}` });
  }
  for (const [role, n] of Object.entries(m.participants ?? {})) {
    if (!Number.isSafeInteger(n) || n < 0) v.push({ rule: 'participants', field: `participants.${role}`, message: 'planned participants are a whole, non-negative number' });
  }
  return v;
}

/** A university partner (R3) must be a registered university; a commercial actor is never a direct partner (R2). */
export function partnerViolations(university: OrgFacts | null, orgNumber: string, field: string): RuleViolation[] {
  if (!university) return [{ rule: 'R19', field, message: `organisation ${orgNumber} is not registered` }];
  if (university.kind === 'commercial') {
    return [{ rule: 'R2', field, message: `${orgNumber} is a commercial actor: it may only deliver as a subcontractor under a university's line, never be a direct partner` }];
  }
  if (university.kind !== 'university') return [{ rule: 'R3', field, message: `the partner must be a university or university college; ${orgNumber} is a ${university.kind}` }];
  return [];
}

/**
 * One organisation's money lines in a measure: R5 (no credit-bearing or individual lines), R6 (allowed uses), R9 (years
 * inside the measure's span), whole non-negative kroner, and R7 (a university's share carries no co-financing).
 */
export function linesViolations(measure: MeasureFields, lines: OrgLines, isUniversity: boolean): RuleViolation[] {
  const v: RuleViolation[] = [];
  const lastYear = measure.startYear + measure.spanYears - 1;
  const inSpan = (y: number) => Number.isInteger(y) && y >= measure.startYear && y <= lastYear;
  lines.budget.forEach((l, i) => {
    const f = `budget[${i}]`;
    if (!(BUDGET_CATEGORIES as readonly string[]).includes(l.category)) {
      v.push({ rule: 'R6', field: `${f}.category`, message: `a budget line is one of ${BUDGET_CATEGORIES.join(', ')}; got '${l.category}'` });
    }
    if (l.creditBearing) v.push({ rule: 'R5', field: `${f}.creditBearing`, message: 'credit-bearing further education (videreutdanning) is not funded by the scheme' });
    if (l.individual) v.push({ rule: 'R5', field: `${f}.individual`, message: 'only collective, school-based development is funded, never individual study' });
    if (!isMoney(l.amount)) v.push({ rule: 'money', field: `${f}.amount`, message: 'amounts are whole, non-negative kroner' });
    if (!inSpan(l.year)) v.push({ rule: 'R9', field: `${f}.year`, message: `the measure runs ${measure.startYear}–${lastYear}; got ${l.year}` });
  });
  lines.coFinancing.forEach((l, i) => {
    const f = `coFinancing[${i}]`;
    if (isUniversity) v.push({ rule: 'R7', field: f, message: "a university's share carries no co-financing" });
    if (!(CO_FINANCING_FORMS as readonly string[]).includes(l.form)) {
      v.push({ rule: 'R7', field: `${f}.form`, message: `co-financing is paid as ${CO_FINANCING_FORMS.join(', ')}; got '${l.form}'` });
    }
    if (!isMoney(l.amount)) v.push({ rule: 'money', field: `${f}.amount`, message: 'amounts are whole, non-negative kroner' });
    if (!inSpan(l.year)) v.push({ rule: 'R9', field: `${f}.year`, message: `the measure runs ${measure.startYear}–${lastYear}; got ${l.year}` });
  });
  return v;
}

export function contentViolations(c: AssessmentContent): RuleViolation[] {
  const v: RuleViolation[] = [];
  c.themes.goals.forEach((g, i) => {
    if (!(NATIONAL_GOALS as readonly string[]).includes(g)) v.push({ rule: 'themes', field: `themes.goals[${i}]`, message: `national goals are ${NATIONAL_GOALS.join(', ')}; free themes go in tags` });
  });
  return v;
}

/** Everything a submission (or amendment) needs: R3, R4, R9, R10 and the lines' rules, all reported together. */
export function submissionViolations(s: NeedsAssessmentState, rules: RuleSet, declinedPartners: string[]): RuleViolation[] {
  const v: RuleViolation[] = [];
  const a = s.content.anchoring;
  if (blank(s.content.title)) v.push({ rule: 'content', field: 'title', message: 'a needs assessment has a title' });
  if (blank(s.content.summary)) v.push({ rule: 'R4', field: 'summary', message: 'summarise the local analysis of competence needs' });
  if (blank(a.staffInvolvement)) v.push({ rule: 'R4', field: 'anchoring.staffInvolvement', message: 'state how staff were involved' });
  if (blank(a.leaderInvolvement)) v.push({ rule: 'R4', field: 'anchoring.leaderInvolvement', message: 'state how school leaders were involved' });
  if (blank(a.universityParticipation)) v.push({ rule: 'R4', field: 'anchoring.universityParticipation', message: 'state how the university took part in the analysis' });
  if (a.plans.filter((p) => !blank(p)).length === 0) v.push({ rule: 'R4', field: 'anchoring.plans', message: "name the owner's plans the assessment rests on" });
  v.push(...contentViolations(s.content));
  if (s.measures.length === 0) v.push({ rule: 'measures', field: 'measures', message: 'a needs assessment has at least one measure' });
  s.measures.forEach((m, i) => {
    const f = `measures[${i}]`;
    v.push(...measureViolations(m, s.year, rules).map((x) => ({ ...x, field: `${f}.${x.field}` })));
    if (rules.universityPartnerRequired && !m.university) v.push({ rule: 'R3', field: `${f}.university`, message: 'every measure needs a university partner' });
    if (m.university && declinedPartners.includes(`${m.measureId}:${m.university.org}`)) {
      v.push({ rule: 'R3', field: `${f}.university`, message: `university ${m.university.org} declined: name another university` });
    }
    if (m.schools.filter((x) => !blank(x)).length === 0) v.push({ rule: 'measures', field: `${f}.schools`, message: 'name the schools or units the measure covers' });
    const budgetLines = Object.values(m.lines).flatMap((l) => l.budget);
    if (budgetLines.length === 0) v.push({ rule: 'R6', field: `${f}.lines`, message: 'a measure has at least one budget line' });
    for (const [org, lines] of Object.entries(m.lines)) {
      v.push(...linesViolations(m, lines, m.university?.org === org).map((x) => ({ ...x, field: `${f}.lines.${org}.${x.field}` })));
    }
  });
  for (const org of s.coOwners) {
    if (s.confirmations[org] !== s.revision) {
      v.push({ rule: 'R10', field: `network.${org}`, message: `network owner ${org} has not confirmed its part of the current revision` });
    }
  }
  return v;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Warnings that do not refuse but stay visible: R3 partner outside the region, R6 coordinator share, R7 co-financing. */
export function warningsOf(measures: Measure[], rules: RuleSet): Warning[] {
  const w: Warning[] = [];
  measures.forEach((m, i) => {
    const f = `measures[${i}]`;
    if (m.university && !m.university.local) {
      w.push({ rule: 'R3', field: `${f}.university`, message: `university ${m.university.org} is outside the region: the local university comes first` });
    }
    const all = Object.values(m.lines).flatMap((l) => l.budget);
    const total = sum(all.map((l) => l.amount));
    const coordinator = sum(all.filter((l) => l.category === 'coordinator').map((l) => l.amount));
    if (total > 0 && coordinator * 100 > rules.coordinatorWarnPercent * total) {
      w.push({ rule: 'R6', field: `${f}.lines`, message: `the coordinator role is ${coordinator} of ${total} kroner, above ${rules.coordinatorWarnPercent} %` });
    }
    if (rules.coFinancingPercent > 0) {
      for (const [org, lines] of Object.entries(m.lines)) {
        if (m.university?.org === org || m.replacedUniversities.some((u) => u.org === org)) continue;
        for (const year of [...new Set(lines.budget.map((l) => l.year))].sort()) {
          const requested = sum(lines.budget.filter((l) => l.year === year).map((l) => l.amount));
          const planned = sum(lines.coFinancing.filter((l) => l.year === year).map((l) => l.amount));
          const minimum = minimumCoFinancing(requested, rules.coFinancingPercent);
          if (planned < minimum) {
            w.push({ rule: 'R7', field: `${f}.lines.${org}.coFinancing`, message: `${org} plans ${planned} kroner of co-financing in ${year}; the minimum for ${requested} requested is ${minimum}` });
          }
        }
      }
    }
  });
  return w;
}

export const isSchoolOwner = (o: OrgFacts) => SCHOOL_OWNER_KINDS.includes(o.kind);
