import { officeOfCounty } from '#libs/reference-data';
import { Prng } from './prng.js';
import type { BudgetLine, CoFinancingLine, LinesPlan, MeasurePlan, OrgPlan } from './plan.types.js';
import { SCHOOL_KINDS, SCHOOL_STEMS } from './texts.js';

/** Draws and sums shared by the parts of the seed plan. */
export const round = (n: number, step: number) => Math.round(n / step) * step;
export const ceilTo = (n: number, step: number) => Math.ceil(n / step) * step;
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** R7: ceil(30 × grant / 100) in whole kroner, on integers (as the kernel computes it). */
export const minimumCoFinancing = (grant: number) => Math.floor((30 * grant + 99) / 100);

/** The years seeded: the current year and the next ones (see seed.ts for why not earlier years). */
export function seedYears(today: string, years: number): number[] {
  const current = Number(today.slice(0, 4));
  return Array.from({ length: years }, (_, i) => current + i);
}

export const officeOfUniversity = (countyNumber: string) => officeOfCounty(countyNumber)?.code ?? null;

export function schoolsFor(rng: Prng, owner: OrgPlan, n: number): string[] {
  const names = new Set<string>();
  const upper = owner.kind === 'county_municipality';
  while (names.size < n) {
    const stem = rng.pick(SCHOOL_STEMS);
    names.add(upper ? `${stem} videregående skole` : `${stem} ${rng.pick(SCHOOL_KINDS)}`);
  }
  return [...names];
}

export function ownerLines(
  rng: Prng,
  years: number[],
  perYear: number,
  withCoordinator: boolean,
  coordinatorHigh: boolean,
  lowCoFinancing: boolean,
): LinesPlan {
  const budget: BudgetLine[] = [];
  const coFinancing: CoFinancingLine[] = [];
  years.forEach((year, i) => {
    const total = round(perYear * (0.85 + rng.next() * 0.3), 5000);
    const lines: BudgetLine[] = [];
    if (i === 0) lines.push({ year, category: rng.chance(0.5) ? 'needs_assessment' : 'planning', amount: round(total * 0.1, 1000) });
    if (withCoordinator) lines.push({ year, category: 'coordinator', amount: round(total * (coordinatorHigh ? 0.14 : 0.06), 1000) });
    if (i === years.length - 1) lines.push({ year, category: 'evaluation', amount: round(total * 0.06, 1000) });
    const rest = total - sum(lines.map((l) => l.amount));
    budget.push({ year, category: 'implementation', amount: rest }, ...lines);
    // R7: at least ceil(30 %) of what is requested, planned per year; a few plan too little (a warning, not a refusal).
    const minimum = minimumCoFinancing(total);
    const planned = lowCoFinancing ? round(minimum * 0.6, 1000) : ceilTo(minimum * (1 + rng.next() * 0.35), 1000);
    const form = rng.pick(['money', 'salary', 'released_time'] as const);
    if (rng.chance(0.4) && planned >= 20_000) {
      const part = round(planned / 2, 1000);
      coFinancing.push(
        { year, amount: part, form },
        { year, amount: planned - part, form: form === 'released_time' ? 'salary' : 'released_time' },
      );
    } else {
      coFinancing.push({ year, amount: planned, form });
    }
  });
  return { budget, coFinancing };
}

export function universityLines(rng: Prng, years: number[]): LinesPlan {
  return {
    budget: years.map((year) => ({ year, category: 'implementation' as const, amount: rng.kroner(30_000, 220_000, 5000) })),
    coFinancing: [],
  };
}

/** The final university's money line (after a replacement, the new one's), if it has one. */
export const universityLinesOf = (m: MeasurePlan): LinesPlan[] => {
  const lines = m.replacement ? m.replacement.lines : m.universityLines;
  return lines ? [lines] : [];
};

export const totalsByYear = (lines: LinesPlan) => {
  const m = new Map<number, number>();
  for (const b of lines.budget) m.set(b.year, (m.get(b.year) ?? 0) + b.amount);
  return m;
};
