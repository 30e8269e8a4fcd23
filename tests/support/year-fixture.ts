import { officeByCode, orgNumberWithCheckDigit } from '#libs/reference-data';

/**
 * The cast and the bookkeeping of the full-year API test (tests/api/full-year.test.ts): the organisations of one
 * governor office, and a book that records every amount the test SENDS and computes, independently of the
 * service, what the governor's and the ministry's read models must show.
 */

export const MINISTRY_ORG = '972417750';

export const STAVANGER = '964965226';
export const SANDNES = orgNumberWithCheckDigit('96496513');
export const SOLA = '920000002';
export const FRISKOLE = orgNumberWithCheckDigit('99100022');
export const UIS = '971564679';
export const UIA = '970546200';

export type RecipientKind = 'municipality' | 'private_owner' | 'university';

export const ORGANISATIONS: Array<{
  orgNumber: string;
  name: string;
  kind: RecipientKind;
  municipalityNumber?: string;
  countyNumber?: string;
}> = [
  { orgNumber: STAVANGER, name: 'Stavanger kommune', kind: 'municipality', municipalityNumber: '1103' },
  { orgNumber: SANDNES, name: 'Sandnes kommune', kind: 'municipality', municipalityNumber: '1108' },
  { orgNumber: SOLA, name: 'Sola kommune', kind: 'municipality', municipalityNumber: '1124' },
  { orgNumber: FRISKOLE, name: 'Rogaland friskole AS', kind: 'private_owner', municipalityNumber: '1103' },
  { orgNumber: UIS, name: 'Universitetet i Stavanger', kind: 'university', countyNumber: '11' },
  { orgNumber: UIA, name: 'Universitetet i Agder', kind: 'university', countyNumber: '42' },
];

export const kindOf = (org: string): RecipientKind => ORGANISATIONS.find((o) => o.orgNumber === org)!.kind;
export const nameOf = (org: string): string => ORGANISATIONS.find((o) => o.orgNumber === org)!.name;

/** A date in Norway (R14 deadlines are Norwegian calendar dates), `days` from now. */
export function osloDate(days = 0): string {
  const t = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
}

/** R7 as the domain states it: ceil(30 × grant / 100) in whole kroner, on integers. */
export const minimumCoFinancing = (grant: number) => Math.floor((30 * grant + 99) / 100);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface Forms {
  money: number;
  salary: number;
  releasedTime: number;
}
const total = (f: Forms) => f.money + f.salary + f.releasedTime;

interface Report {
  documented: number;
  submittedOn: string;
  late: boolean;
  status: 'submitted' | 'approved';
}

interface GrantRecord {
  grantId: string;
  measureId: string;
  measureTitle: string;
  recipientOrg: string;
  decisionYear: number;
  recommended: Record<number, number>;
  decided: Record<number, number>;
  deviates: boolean;
  /** null until accepted; then the committed co-financing per decided year (0 where none was given). */
  committed: Record<number, number> | null;
  payments: Array<{ year: number; amount: number }>;
  reports: Record<number, Report>;
  claims: Array<{ year: number; amount: number; settled: number }>;
}

/** Everything the test sent, and the totals that follow from it. */
export class YearBook {
  readonly frames = new Map<string, number>();
  readonly grants = new Map<string, GrantRecord>();

  setFrame(office: string, year: number, amount: number) {
    this.frames.set(`${office}/${year}`, amount);
  }

  decide(g: {
    grantId: string;
    measureId: string;
    measureTitle: string;
    recipientOrg: string;
    decisionYear: number;
    recommended: Record<number, number>;
    amounts: Array<{ year: number; amount: number }>;
  }) {
    const decided = Object.fromEntries(g.amounts.map((a) => [a.year, a.amount]));
    this.grants.set(g.grantId, {
      ...g,
      decided,
      deviates: differs(decided, g.recommended),
      committed: null,
      payments: [],
      reports: {},
      claims: [],
    });
  }

  amend(grantId: string, amounts: Array<{ year: number; amount: number }>) {
    const g = this.grant(grantId);
    g.decided = Object.fromEntries(amounts.map((a) => [a.year, a.amount]));
    g.deviates = differs(g.decided, g.recommended);
  }

  accept(grantId: string, coFinancing: Array<Forms & { year: number }>) {
    const g = this.grant(grantId);
    g.committed = Object.fromEntries(
      Object.keys(g.decided).map((y) => [
        Number(y),
        total(coFinancing.find((c) => c.year === Number(y)) ?? { money: 0, salary: 0, releasedTime: 0 }),
      ]),
    );
  }

  pay(grantId: string, year: number, amount: number) {
    this.grant(grantId).payments.push({ year, amount });
  }

  report(grantId: string, year: number, provided: Forms, submittedOn: string) {
    this.grant(grantId).reports[year] = {
      documented: total(provided),
      submittedOn,
      late: submittedOn > reportDeadline(year),
      status: 'submitted',
    };
  }

  approve(grantId: string, year: number) {
    this.grant(grantId).reports[year].status = 'approved';
  }

  claim(grantId: string, year: number, amount: number) {
    this.grant(grantId).claims.push({ year, amount, settled: 0 });
  }

  settle(grantId: string, year: number, amount: number) {
    this.grant(grantId).claims.find((c) => c.year === year && c.settled + amount <= c.amount)!.settled += amount;
  }

  grant(grantId: string): GrantRecord {
    const g = this.grants.get(grantId);
    if (!g) throw new Error(`the book has no grant ${grantId}`);
    return g;
  }

  paid(grantId: string, year?: number) {
    return sum(
      this.grant(grantId)
        .payments.filter((p) => year === undefined || p.year === year)
        .map((p) => p.amount),
    );
  }

  /** R7/R8: a school owner's minimum per year; a university carries none. */
  required(grantId: string, year: number) {
    const g = this.grant(grantId);
    return kindOf(g.recipientOrg) === 'university' ? 0 : minimumCoFinancing(g.decided[year] ?? 0);
  }

  /** The governor's frame line for one office and year (R9, R18): frame, earlier commitments, decided, free, paid. */
  frameView(office: string, year: number) {
    const frame = this.frames.get(`${office}/${year}`)!;
    const all = [...this.grants.values()].filter((g) => g.grantId.startsWith(`${office}.`));
    const on = (g: GrantRecord, y: number) => g.decided[y] ?? 0;
    const committedFromEarlierYears = sum(all.filter((g) => g.decisionYear < year).map((g) => on(g, year)));
    const decidedThisYear = sum(all.filter((g) => g.decisionYear === year).map((g) => on(g, year)));
    const committedToLaterYears = sum(
      all
        .filter((g) => g.decisionYear === year)
        .flatMap((g) =>
          Object.entries(g.decided)
            .filter(([y]) => Number(y) > year)
            .map(([, a]) => a),
        ),
    );
    const claims = all.flatMap((g) => g.claims.filter((c) => c.year === year));
    return {
      office,
      officeName: officeByCode(office)!.name,
      scheme: 'DEKOMP',
      year,
      frame,
      adjustments: 0,
      committedFromEarlierYears,
      decidedThisYear,
      free: frame - committedFromEarlierYears - decidedThisYear,
      committedToLaterYears,
      paid: sum(all.flatMap((g) => g.payments.filter((p) => p.year === year).map((p) => p.amount))),
      repaymentClaimed: sum(claims.map((c) => c.amount)),
      repaid: sum(claims.map((c) => c.settled)),
    };
  }

  /** One line of the governor's overview: a recipient's money for a measure in one year, as of `today`. */
  line(grantId: string, year: number, today: string) {
    const g = this.grant(grantId);
    const required = this.required(grantId, year);
    const report = g.reports[year] ?? null;
    const accepted = g.committed !== null;
    const claims = g.claims.filter((c) => c.year === year);
    return {
      grantId,
      measureId: g.measureId,
      measureTitle: g.measureTitle,
      recipientOrg: g.recipientOrg,
      recipientName: nameOf(g.recipientOrg),
      recipientKind: kindOf(g.recipientOrg),
      decisionYear: g.decisionYear,
      status: 'active',
      deviates: g.deviates,
      accepted,
      year,
      recommended: g.recommended[year] ?? 0,
      decided: g.decided[year],
      coFinancingRequired: required,
      coFinancingCommitted: accepted ? g.committed![year] : null,
      coFinancingDocumented: report ? report.documented : null,
      coFinancingShortfall: report && report.documented < required ? required - report.documented : null,
      paid: this.paid(grantId, year),
      reportDeadline: reportDeadline(year),
      reportStatus: report?.status ?? 'due',
      reportOverdue: accepted && !report && reportDeadline(year) < today,
      reportSubmittedOn: report?.submittedOn ?? null,
      reportLate: report ? report.late : null,
      repaymentClaimed: sum(claims.map((c) => c.amount)),
      repaid: sum(claims.map((c) => c.settled)),
    };
  }

  /** Every overview line of an office for one year, in grant-id order. */
  lines(office: string, year: number, today: string) {
    return [...this.grants.values()]
      .filter((g) => g.grantId.startsWith(`${office}.`) && g.decided[year] !== undefined)
      .map((g) => this.line(g.grantId, year, today))
      .sort((a, b) => a.grantId.localeCompare(b.grantId));
  }

  /** R15: accepted grants whose report for a year is past its deadline and not in, any year. */
  overdue(office: string, today: string) {
    return [...this.grants.values()]
      .filter((g) => g.grantId.startsWith(`${office}.`))
      .flatMap((g) =>
        Object.keys(g.decided)
          .map(Number)
          .map((year) => this.line(g.grantId, year, today)),
      )
      .filter((l) => l.reportOverdue)
      .map((l) => ({
        grantId: l.grantId,
        recipientOrg: l.recipientOrg,
        recipientName: l.recipientName,
        year: l.year,
        reportDeadline: l.reportDeadline,
      }))
      .sort((a, b) => a.grantId.localeCompare(b.grantId) || a.year - b.year);
  }

  /** R7: documented co-financing below the minimum, any year. */
  shortfall(office: string, today: string) {
    return [...this.grants.values()]
      .filter((g) => g.grantId.startsWith(`${office}.`))
      .flatMap((g) =>
        Object.keys(g.decided)
          .map(Number)
          .map((year) => this.line(g.grantId, year, today)),
      )
      .filter((l) => l.coFinancingShortfall !== null)
      .map((l) => ({
        grantId: l.grantId,
        recipientOrg: l.recipientOrg,
        recipientName: l.recipientName,
        year: l.year,
        coFinancingRequired: l.coFinancingRequired,
        coFinancingDocumented: l.coFinancingDocumented!,
        coFinancingShortfall: l.coFinancingShortfall!,
      }))
      .sort((a, b) => a.grantId.localeCompare(b.grantId) || a.year - b.year);
  }
}

/** R15: the report for a grant year is due 15 January of the next year (the domain's default). */
export const reportDeadline = (year: number) => `${year + 1}-01-15`;

function differs(decided: Record<number, number>, recommended: Record<number, number>): boolean {
  const years = new Set([...Object.keys(decided), ...Object.keys(recommended)].map(Number));
  return [...years].some((y) => (decided[y] ?? 0) !== (recommended[y] ?? 0));
}
