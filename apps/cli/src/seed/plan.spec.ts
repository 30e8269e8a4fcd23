import { isValidOrgNumber, MUNICIPALITIES, OFFICE_CODES, UNIVERSITIES } from '#libs/reference-data';
import { buildPlan, minimumCoFinancing, type SeedOptions } from './plan.js';
import { Prng } from './prng.js';

const all: SeedOptions = { seed: 1, years: 2, offices: [...OFFICE_CODES], scale: 1, today: '2026-11-22' };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('seed PRNG', () => {
  it('is mulberry32: the same seed gives the same sequence, another seed another', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(new Prng(43).next()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // a fork does not advance its parent
    const c = new Prng(42);
    c.fork('x').next();
    expect(c.next()).toBe(xs[0]);
  });
});

describe('seed plan', () => {
  const plan = buildPlan(all);

  it('is a pure function of the options', () => {
    const json = JSON.stringify(plan);
    expect(JSON.stringify(buildPlan(all))).toBe(json);
    expect(buildPlan({ ...all, seed: 2 }).assessments.map((a) => a.title)).not.toEqual(plan.assessments.map((a) => a.title));
    // the same within the year's phase: a re-run on another day replays the same steps
    expect(JSON.stringify(buildPlan({ ...all, today: '2026-11-30' }))).toBe(json.replace('"today":"2026-11-22"', '"today":"2026-11-30"'));
  });

  it('covers every office, county and municipality with valid org numbers (R19), and the universities with their real numbers', () => {
    expect(plan.years).toEqual([2026, 2027]);
    const orgs = plan.organisations;
    expect(new Set(orgs.map((o) => o.orgNumber)).size).toBe(orgs.length);
    expect(orgs.every((o) => isValidOrgNumber(o.orgNumber))).toBe(true);
    expect(
      orgs
        .filter((o) => o.kind === 'municipality')
        .map((o) => o.municipalityNumber)
        .sort(),
    ).toEqual(MUNICIPALITIES.map((m) => m.number));
    expect(orgs.filter((o) => o.kind === 'county_municipality')).toHaveLength(14); // Oslo is its own county municipality
    expect(orgs.filter((o) => o.kind === 'university').map((o) => o.orgNumber)).toEqual(UNIVERSITIES.map((u) => u.orgNumber));
    expect(plan.forums).toHaveLength(10);
    expect(plan.calls).toHaveLength(20);
  });

  it('has 40–250 needs assessments per office and year at scale 1, with networks, late ones only where the deadline had passed, amendments and withdrawals', () => {
    for (const office of OFFICE_CODES) {
      for (const year of plan.years) {
        const n = plan.assessments.filter((a) => a.office === office && a.year === year).length;
        expect(n).toBeGreaterThanOrEqual(40);
        expect(n).toBeLessThanOrEqual(250);
      }
    }
    const late = plan.assessments.filter((a) => a.submission === 'late');
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(plan.assessments.length * 0.1);
    expect(late.every((a) => a.year === 2026 && plan.calls.find((c) => c.callId === a.callId)!.extendTo)).toBe(true);
    expect(plan.assessments.some((a) => a.coOwners.length > 0)).toBe(true);
    expect(plan.assessments.some((a) => a.amendment)).toBe(true);
    expect(plan.assessments.some((a) => a.withdrawal)).toBe(true);
    expect(plan.assessments.flatMap((a) => a.measures).some((m) => m.answer === 'decline' && m.replacement)).toBe(true);
  });

  it('never plans over a frame (R18), and commits later years against frames that exist (R9)', () => {
    for (const office of OFFICE_CODES) {
      const frames = new Map(plan.frames.filter((f) => f.office === office).map((f) => [f.year, f.adjustTo ?? f.amount]));
      const charged = new Map<number, number>();
      for (const g of plan.grants.filter((x) => x.office === office && !x.revocation)) {
        for (const l of g.amendment?.amounts ?? g.decided) charged.set(l.year, (charged.get(l.year) ?? 0) + l.amount);
      }
      for (const [year, amount] of charged) {
        expect(frames.has(year)).toBe(true);
        expect(amount).toBeLessThanOrEqual(frames.get(year)!);
      }
    }
    expect(plan.grants.some((g) => g.decided.length === 3)).toBe(true);
  });

  it('accepts with at least ceil(30 %) co-financing per year for owners and none for universities (R7); pays and reports only what is due', () => {
    for (const g of plan.grants.filter((x) => x.accept)) {
      const lines = g.amendment?.amounts ?? g.decided;
      if (g.recipientKind === 'university') expect(g.coFinancing).toEqual([]);
      else
        for (const l of lines) {
          const c = g.coFinancing.find((x) => x.year === l.year)!;
          expect(c.money + c.salary + c.releasedTime).toBeGreaterThanOrEqual(minimumCoFinancing(l.amount));
        }
      for (const p of g.payments) expect(p.year).toBe(2026);
      expect(sum(g.payments.map((p) => p.amount))).toBeLessThanOrEqual(sum(lines.filter((l) => l.year === 2026).map((l) => l.amount)));
      if (g.report) {
        expect(g.report.spent + g.report.unspent).toBe(sum(g.payments.map((p) => p.amount))); // R16
        if (g.recipientKind === 'university') expect(g.report.teacherEducationFeedback).toBeTruthy(); // R17
      }
      expect(sum(g.claims.map((c) => c.amount))).toBeLessThanOrEqual(sum(g.payments.map((p) => p.amount))); // R16
    }
    expect(plan.grants.some((g) => g.report)).toBe(true);
    expect(plan.grants.some((g) => g.claims.length > 0)).toBe(true);
  });
});
