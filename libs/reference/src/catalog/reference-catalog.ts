import { ruleSetFor, SCHEMES, type RuleSet, type Scheme } from '#libs/kernel';
import { BUDGET_CATEGORIES, NATIONAL_GOALS, type BudgetCategory, type NationalGoal } from '#libs/needs-assessments';
import { COUNTIES, GOVERNOR_OFFICES, MUNICIPALITIES, officeOfCounty, UNIVERSITIES } from '#libs/reference-data';
import type {
  BudgetCategoryView,
  CountyView,
  MunicipalityView,
  OfficeView,
  SchemeView,
  ThemeView,
  UniversityView,
} from './reference.view.js';

/**
 * What a client needs to build forms, in one place: the reference data (libs/reference-data), the schemes' rule
 * sets per year (libs/kernel ruleSetFor) and the constants the needs-assessment DTOs accept. Pure: no I/O.
 */

export function offices(): OfficeView[] {
  return GOVERNOR_OFFICES.map((o) => ({ code: o.code, name: o.name, orgNumber: o.orgNumber, countyNumbers: [...o.countyNumbers] }));
}

export function counties(): CountyView[] {
  return COUNTIES.map((c) => ({ number: c.number, name: c.name, office: officeOfCounty(c.number)?.code ?? null }));
}

/** Every municipality, or those of one county. */
export function municipalities(countyNumber?: string): MunicipalityView[] {
  return MUNICIPALITIES.filter((m) => countyNumber === undefined || m.countyNumber === countyNumber).map((m) => ({
    number: m.number,
    name: m.name,
    countyNumber: m.countyNumber,
    office: officeOfCounty(m.countyNumber)?.code ?? null,
  }));
}

export function universities(): UniversityView[] {
  return UNIVERSITIES.map((u) => ({
    orgNumber: u.orgNumber,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    ownership: u.ownership,
    countyNumber: u.countyNumber,
  }));
}

/** The longest range of years /reference/schemes answers at once. */
export const MAX_SCHEME_YEARS = 20;

function ruleSetView(r: RuleSet) {
  return {
    year: r.year,
    version: r.version,
    coFinancingPercent: r.coFinancingPercent,
    coordinatorWarnPercent: r.coordinatorWarnPercent,
    subcontractorWarnPercent: r.subcontractorWarnPercent,
    maxSpanYears: r.maxSpanYears,
    universityPartnerRequired: r.universityPartnerRequired,
    governorRole: r.governorRole,
    defaultCallDeadline: `${r.year}-${r.defaultCallDeadline}`,
    defaultDecisionDate: `${r.year}-${r.defaultDecisionDate}`,
  };
}

/** Each scheme with its rule set for every year from `from` to `to` (inclusive). */
export function schemes(from: number, to: number, only?: Scheme): SchemeView[] {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return SCHEMES.filter((s) => only === undefined || s === only).map((scheme) => {
    const ruleSets = years.map((y) => ruleSetView(ruleSetFor(scheme, y)));
    return { scheme, governorRole: ruleSets.every((r) => r.governorRole), ruleSets };
  });
}

const GOAL_LABELS: Record<NationalGoal, string> = {
  learning_environment: 'Læringsmiljø',
  basic_skills: 'Grunnleggende ferdigheter',
  completion: 'Gjennomføring',
};

/** The national goals a needs assessment's `themes.goals` accepts (free themes go in `themes.tags`). */
export function themes(): ThemeView[] {
  return NATIONAL_GOALS.map((code) => ({ code, label: GOAL_LABELS[code] }));
}

const CATEGORY_LABELS: Record<BudgetCategory, { label: string; note: string | null }> = {
  needs_assessment: { label: 'Behovsanalyse', note: null },
  planning: { label: 'Planlegging', note: null },
  implementation: { label: 'Gjennomføring', note: null },
  evaluation: { label: 'Evaluering', note: null },
  coordinator: {
    label: 'Koordinator',
    note: "R6: a warning when the coordinator role exceeds the scheme's coordinatorWarnPercent of the measure",
  },
};

/** The budget-line categories a measure's money lines accept (R6). */
export function budgetCategories(): BudgetCategoryView[] {
  return BUDGET_CATEGORIES.map((code) => ({ code, ...CATEGORY_LABELS[code] }));
}
