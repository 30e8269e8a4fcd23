import { SCHOOL_OWNER_KINDS, type RuleSet, type RuleViolation } from '#libs/kernel';
import {
  BUDGET_CATEGORIES,
  CO_FINANCING_FORMS,
  NATIONAL_GOALS,
  type AssessmentContent,
  type MeasureFields,
  type OrgFacts,
  type OrgLines,
} from './needs-assessment.types.js';

export const isSchoolOwner = (o: OrgFacts) => SCHOOL_OWNER_KINDS.includes(o.kind);

const isMoney = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** R9: a measure spans 1–3 school years (configurable), starting in the call's year or later. */
export function measureViolations(m: MeasureFields, callYear: number, rules: RuleSet): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (!Number.isInteger(m.spanYears) || m.spanYears < 1 || m.spanYears > rules.maxSpanYears) {
    v.push({ rule: 'R9', field: 'spanYears', message: `a measure spans 1 to ${rules.maxSpanYears} school years; got ${m.spanYears}` });
  }
  if (!Number.isInteger(m.startYear) || m.startYear < callYear || m.startYear > callYear + 1) {
    v.push({
      rule: 'R9',
      field: 'startYear',
      message: `a measure of the ${callYear} call starts in school year ${callYear} or ${callYear + 1}; got ${m.startYear}`,
    });
  }
  for (const [role, n] of Object.entries(m.participants ?? {})) {
    if (!Number.isSafeInteger(n) || n < 0)
      v.push({ rule: 'participants', field: `participants.${role}`, message: 'planned participants are a whole, non-negative number' });
  }
  return v;
}

/** A university partner (R3) must be a registered university; a commercial actor is never a direct partner (R2). */
export function partnerViolations(university: OrgFacts | null, orgNumber: string, field: string): RuleViolation[] {
  if (!university) return [{ rule: 'R19', field, message: `organisation ${orgNumber} is not registered` }];
  if (university.kind === 'commercial') {
    return [
      {
        rule: 'R2',
        field,
        message: `${orgNumber} is a commercial actor: it may only deliver as a subcontractor under a university's line, never be a direct partner`,
      },
    ];
  }
  if (university.kind !== 'university')
    return [{ rule: 'R3', field, message: `the partner must be a university or university college; ${orgNumber} is a ${university.kind}` }];
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
      v.push({
        rule: 'R6',
        field: `${f}.category`,
        message: `a budget line is one of ${BUDGET_CATEGORIES.join(', ')}; got '${l.category}'`,
      });
    }
    if (l.creditBearing)
      v.push({
        rule: 'R5',
        field: `${f}.creditBearing`,
        message: 'credit-bearing further education (videreutdanning) is not funded by the scheme',
      });
    if (l.individual)
      v.push({
        rule: 'R5',
        field: `${f}.individual`,
        message: 'only collective, school-based development is funded, never individual study',
      });
    if (!isMoney(l.amount)) v.push({ rule: 'money', field: `${f}.amount`, message: 'amounts are whole, non-negative kroner' });
    if (!inSpan(l.year))
      v.push({ rule: 'R9', field: `${f}.year`, message: `the measure runs ${measure.startYear}–${lastYear}; got ${l.year}` });
  });
  lines.coFinancing.forEach((l, i) => {
    const f = `coFinancing[${i}]`;
    if (isUniversity) v.push({ rule: 'R7', field: f, message: "a university's share carries no co-financing" });
    if (!(CO_FINANCING_FORMS as readonly string[]).includes(l.form)) {
      v.push({ rule: 'R7', field: `${f}.form`, message: `co-financing is paid as ${CO_FINANCING_FORMS.join(', ')}; got '${l.form}'` });
    }
    if (!isMoney(l.amount)) v.push({ rule: 'money', field: `${f}.amount`, message: 'amounts are whole, non-negative kroner' });
    if (!inSpan(l.year))
      v.push({ rule: 'R9', field: `${f}.year`, message: `the measure runs ${measure.startYear}–${lastYear}; got ${l.year}` });
  });
  return v;
}

export function contentViolations(c: AssessmentContent): RuleViolation[] {
  const v: RuleViolation[] = [];
  c.themes.goals.forEach((g, i) => {
    if (!(NATIONAL_GOALS as readonly string[]).includes(g))
      v.push({
        rule: 'themes',
        field: `themes.goals[${i}]`,
        message: `national goals are ${NATIONAL_GOALS.join(', ')}; free themes go in tags`,
      });
  });
  return v;
}
