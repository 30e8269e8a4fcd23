import 'reflect-metadata';
import { COUNTIES, isValidOrgNumber, MUNICIPALITIES, OFFICE_CODES, UNIVERSITIES } from '#libs/reference-data';
import { holdsCountyDuties } from '#libs/kernel';
import { buildPlan, minimumCoFinancing, type SeedOptions } from './plan.js';
import { Prng } from './prng.js';
import { FORUM_CATEGORIES } from '#libs/yrkesfag';

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
    expect(orgs.filter((o) => holdsCountyDuties(o))).toHaveLength(15); // … so Oslo kommune holds the county's duties
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

describe('seed plan: YRKESFAG (R24)', () => {
  const plan = buildPlan(all);
  const counties = plan.yrkesfag;

  it('covers all 15 county municipalities (for Oslo, Oslo kommune) with valid, unused synthetic org numbers', () => {
    const holders = plan.organisations.filter((o) => holdsCountyDuties(o)).map((o) => o.orgNumber);
    expect(counties.map((c) => c.county).sort()).toEqual([...holders].sort());
    expect(counties.map((c) => c.countyNumber)).toEqual(COUNTIES.map((c) => c.number));
    const registered = new Set(plan.organisations.map((o) => o.orgNumber));
    const named = counties.flatMap((c) => [
      ...c.members.flatMap((m) => (m.orgNumber ? [m.orgNumber] : [])),
      ...c.years.flatMap((y) => [
        ...y.needs.map((n) => n.fromOrg),
        ...y.measures.flatMap((m) => (m.provider.orgNumber ? [m.provider.orgNumber] : [])),
      ]),
    ]);
    expect(named.every((o) => isValidOrgNumber(o))).toBe(true);
    const universities = new Set(UNIVERSITIES.map((u) => u.orgNumber));
    expect(named.filter((o) => registered.has(o) && !universities.has(o))).toEqual([]);
  });

  it('sizes frames 2–12 MNOK by county; plans and measures stay within the frame over several kinds of provider (R18)', () => {
    for (const c of counties) {
      const categories = new Set(c.members.map((m) => m.category));
      expect(FORUM_CATEGORIES.filter((k) => k !== 'other_invited' && !categories.has(k))).toEqual([]);
      expect(c.members.filter((m) => m.leftOn).length).toBeGreaterThanOrEqual(1);
      for (const y of c.years) {
        const frame = y.adjustTo ?? y.frame;
        expect(y.frame).toBeGreaterThanOrEqual(2_000_000);
        expect(y.frame).toBeLessThanOrEqual(12_000_000);
        expect(sum(y.plan.map((l) => l.amount))).toBeLessThanOrEqual(frame);
        expect(sum(y.measures.map((m) => m.amount))).toBeLessThanOrEqual(frame);
        expect(y.plan.map((l) => l.measureKey).sort()).toEqual(y.measures.map((m) => m.key).sort());
        expect(new Set(y.measures.map((m) => m.provider.kind)).size).toBeGreaterThanOrEqual(3);
        expect(y.meetings.length).toBeGreaterThanOrEqual(1);
      }
    }
    const large = counties.find((c) => c.countyNumber === '32')!.years[0].frame;
    const small = counties.find((c) => c.countyNumber === '56')!.years[0].frame;
    expect(large).toBeGreaterThan(small * 3);
    const kinds = new Set(counties.flatMap((c) => c.years.flatMap((y) => y.measures.map((m) => m.provider.kind))));
    expect([...kinds].sort()).toEqual(['company', 'county_municipality', 'trade_body', 'university', 'vocational_college']);
  });

  it('pays, spends, reports and claims back only in the current year, never more than paid (R16)', () => {
    for (const c of counties) {
      const [current, ...later] = c.years;
      for (const y of later) expect([y.payments, y.spending, y.report, y.claim]).toEqual([[], [], undefined, undefined]);
      const paid = sum(current.payments.map((p) => p.amount));
      const spent = sum(current.spending.map((s) => s.amount));
      expect(paid).toBe(current.adjustTo ?? current.frame);
      expect(spent).toBeLessThanOrEqual(paid);
      if (current.claim) {
        expect(current.report).toBeDefined();
        expect(current.claim.amount).toBe(paid - spent);
        expect(sum(current.claim.settlements.map((s) => s.amount))).toBeLessThanOrEqual(current.claim.amount);
      }
    }
    expect(counties.some((c) => c.years[0].report)).toBe(true);
    expect(counties.some((c) => c.years[0].claim)).toBe(true);
  });

  it('depends on neither the offices nor later years: a run with more of either extends the store', () => {
    const fewer = buildPlan({ ...all, offices: ['ROGALAND'], years: 1 });
    expect(fewer.yrkesfag.map((c) => c.years[0])).toEqual(counties.map((c) => c.years[0]));
    const rogaland = (p: typeof plan) =>
      JSON.stringify([p.calls, p.assessments, p.forums].map((xs) => xs.filter((x) => x.office === 'ROGALAND')));
    expect(rogaland(buildPlan({ ...all, offices: ['ROGALAND', 'AGDER'] }))).toBe(rogaland(plan));
  });
});
