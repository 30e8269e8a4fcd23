/** The grant schemes (see docs/rules.md, "The schemes"). */
export const SCHEMES = ['DEKOMP', 'REKOMP', 'KOMPLOFT', 'YRKESFAG'] as const;
export type Scheme = (typeof SCHEMES)[number];

/**
 * The configurable rules of a scheme and year. Kept as data so a later regulation changes a row here, not
 * code; every decision records `version`.
 */
export interface RuleSet {
  version: string;
  scheme: Scheme;
  year: number;
  /** R7/R8: co-financing as a percentage of the state grant (0 = none required). */
  coFinancingPercent: number;
  /** R6: warn when the coordinator role exceeds this share of a measure. */
  coordinatorWarnPercent: number;
  /** R2: warn when subcontractors exceed this share of a university's line. */
  subcontractorWarnPercent: number;
  /** R9: longest span of a measure in school years. */
  maxSpanYears: number;
  /** R3: whether measures need a university partner. */
  universityPartnerRequired: boolean;
  /** Whether the governor runs the scheme (not YRKESFAG, where Udir pays county municipalities directly). */
  governorRole: boolean;
  /** R14 defaults (month-day), overridable per office and year. */
  defaultCallDeadline: string;
  defaultDecisionDate: string;
}

const BASE: Omit<RuleSet, 'version' | 'scheme' | 'year'> = {
  coFinancingPercent: 30,
  coordinatorWarnPercent: 10,
  subcontractorWarnPercent: 50,
  maxSpanYears: 3,
  universityPartnerRequired: true,
  governorRole: true,
  defaultCallDeadline: '02-01',
  defaultDecisionDate: '04-30',
};

const BY_SCHEME: Record<Scheme, Partial<RuleSet>> = {
  DEKOMP: {},
  REKOMP: { coFinancingPercent: 0 },
  KOMPLOFT: { coFinancingPercent: 0 },
  YRKESFAG: { coFinancingPercent: 0, universityPartnerRequired: false, governorRole: false },
};

/** Regulation changes by scheme and first year they apply (none yet beyond the 2021 regulation). */
const AMENDMENTS: Array<{ scheme: Scheme; fromYear: number; version: string; changes: Partial<RuleSet> }> = [];

export function ruleSetFor(scheme: Scheme, year: number): RuleSet {
  const amendment = AMENDMENTS.filter((a) => a.scheme === scheme && a.fromYear <= year).sort((a, b) => b.fromYear - a.fromYear)[0];
  return {
    ...BASE,
    ...BY_SCHEME[scheme],
    ...(amendment?.changes ?? {}),
    scheme,
    year,
    version: amendment?.version ?? `${scheme.toLowerCase()}-2021.1`,
  };
}

/** R7: the least co-financing for a grant, in whole kroner, on integers: ceil(p × grant / 100). */
export function minimumCoFinancing(grantKroner: number, percent: number): number {
  if (!Number.isSafeInteger(grantKroner) || grantKroner < 0) throw new Error('grant must be whole, non-negative kroner');
  return Math.floor((percent * grantKroner + 99) / 100);
}
