import type { Sql } from '#libs/db';
import { num } from '../sql-values.js';
import type { ClaimView, CountyFrameView, FrameYearView, PaymentView, ReportStatus, Totals } from './frames.view.js';

interface FrameRow {
  county: string;
  year: number;
  amount: unknown;
  adjustments: number;
  paid: unknown;
  planned: unknown;
  spent: unknown;
  claimed: unknown;
  repaid: unknown;
  report_deadline: string;
  deadline_extensions: number;
  report_submitted_on: string | null;
  report_late: boolean | null;
  evaluation: string | null;
  rule_set_version: string;
}

const FRAME_SELECT = `SELECT county, year, amount, adjustments, paid, planned, spent, claimed, repaid, to_char(report_deadline, 'YYYY-MM-DD') AS report_deadline,
  deadline_extensions, to_char(report_submitted_on, 'YYYY-MM-DD') AS report_submitted_on, report_late, evaluation, rule_set_version FROM yf_frames`;

function statusOf(f: FrameRow, today: string): ReportStatus {
  if (f.report_submitted_on) return f.report_late ? 'submitted_late' : 'submitted';
  return f.report_deadline < today ? 'overdue' : 'due';
}

function yearView(f: FrameRow, payments: PaymentView[], claims: ClaimView[], today: string): FrameYearView {
  const [frame, paid, spent, claimed, repaid] = [num(f.amount), num(f.paid), num(f.spent), num(f.claimed), num(f.repaid)];
  return {
    year: f.year,
    ruleSetVersion: f.rule_set_version,
    frame,
    adjustments: f.adjustments,
    paid,
    unpaid: frame - paid,
    planned: num(f.planned),
    spent,
    unspent: Math.max(0, paid - spent),
    claimed,
    repaid,
    outstanding: claimed - repaid,
    reportDeadline: f.report_deadline,
    deadlineExtensions: f.deadline_extensions,
    reportStatus: statusOf(f, today),
    reportSubmittedOn: f.report_submitted_on,
    evaluation: f.evaluation,
    payments,
    claims,
  };
}

const sum = (years: FrameYearView[], key: keyof Totals) => years.reduce((s, y) => s + (key === 'frame' ? y.frame : y[key]), 0);

/** Each county (by row of yf_counties) with its years, totals and report obligations on `today`. */
export async function countyViews(
  sql: Sql,
  counties: Array<{ county: string; name: string; version: number }>,
  today: string,
): Promise<CountyFrameView[]> {
  if (counties.length === 0) return [];
  const ids = counties.map((c) => c.county);
  const frames = (await sql.query<FrameRow>(`${FRAME_SELECT} WHERE county = ANY($1::text[]) ORDER BY county, year`, [ids])).rows;
  const payments = (
    await sql.query<PaymentView & { county: string; year: number }>(
      `SELECT county, year, payment_id AS "paymentId", amount, to_char(paid_on, 'YYYY-MM-DD') AS "paidOn" FROM yf_payments WHERE county = ANY($1::text[]) ORDER BY paid_on, payment_id`,
      [ids],
    )
  ).rows;
  const claims = (
    await sql.query<ClaimView & { county: string; year: number }>(
      `SELECT county, year, claim_id AS "claimId", amount, settled, amount - settled AS outstanding, to_char(claimed_on, 'YYYY-MM-DD') AS "claimedOn", reason FROM yf_claims
     WHERE county = ANY($1::text[]) ORDER BY claim_id`,
      [ids],
    )
  ).rows;
  return counties.map((c) => {
    const mine = <T extends { county: string; year: number }>(rows: T[], year: number) =>
      rows.filter((r) => r.county === c.county && r.year === year);
    const years = frames
      .filter((f) => f.county === c.county)
      .map((f) =>
        yearView(
          f,
          mine(payments, f.year).map(({ paymentId, amount, paidOn }) => ({ paymentId, amount: num(amount), paidOn })),
          mine(claims, f.year).map(({ claimId, amount, settled, outstanding, claimedOn, reason }) => ({
            claimId,
            amount: num(amount),
            settled: num(settled),
            outstanding: num(outstanding),
            claimedOn,
            reason,
          })),
          today,
        ),
      );
    const keys: Array<keyof Totals> = ['frame', 'paid', 'planned', 'spent', 'unspent', 'claimed', 'repaid', 'outstanding'];
    const totals = Object.fromEntries(keys.map((k) => [k, sum(years, k)])) as unknown as Totals;
    const obligations = years
      .filter((y) => y.reportStatus === 'due' || y.reportStatus === 'overdue')
      .map((y) => ({ year: y.year, reportDeadline: y.reportDeadline, status: y.reportStatus as 'due' | 'overdue' }));
    return {
      county: c.county,
      name: c.name,
      version: c.version,
      on: today,
      totals,
      obligations,
      paymentsBlocked: obligations.some((o) => o.status === 'overdue'),
      years,
    };
  });
}
