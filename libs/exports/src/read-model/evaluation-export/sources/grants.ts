import type { Sql } from '#libs/db';
import { Grant, type GrantEvent } from '#libs/grants';
import { sourceOf } from './source.js';

type ReportSubmitted = Extract<GrantEvent, { type: 'GrantReportSubmitted' }>;
type Claimed = Extract<GrantEvent, { type: 'RepaymentClaimed' }>;

/** R15, R7: the report's figures, documented co-financing and participants. */
async function reportSubmitted({ data: d }: ReportSubmitted, sql: Sql): Promise<void> {
  await sql.query(
    `UPDATE ex_rows SET report_status = 'submitted', report_submitted_on = $3, report_late = $4, report_deadline = $5, spent = $6, unspent = $7,
       co_fin_documented = $8, co_fin_salary_time = $9, reported_participants = $10, evaluation = $11
     WHERE grant_id = $1 AND year = $2`,
    [
      d.grantId,
      d.year,
      d.submittedOn,
      d.late,
      d.deadline,
      d.spent,
      d.unspent,
      d.coFinancingProvided.total,
      d.coFinancingProvided.salary + d.coFinancingProvided.releasedTime,
      d.participants.map((p) => `${p.role}:${p.count}`).join(';'),
      d.evaluation,
    ],
  );
}

/** R16: a claim counts on its year, or on the grant's first year when it names none. */
async function repaymentClaimed({ data: d }: Claimed, sql: Sql): Promise<void> {
  const year =
    d.year ??
    (await sql.query<{ year: number }>('SELECT min(year) AS year FROM ex_rows WHERE grant_id = $1', [d.grantId])).rows[0]?.year ??
    null;
  if (year === null) return;
  await sql.query(`INSERT INTO ex_claims (grant_id, claim_id, year) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    d.grantId,
    d.claimId,
    year,
  ]);
  await sql.query(`UPDATE ex_rows SET claimed = claimed + $3 WHERE grant_id = $1 AND year = $2`, [d.grantId, year, d.amount]);
}

/** The grant's life after the decision (R7, R15–R17): acceptance, payments, reports, repayments. */
export const grantEvents = sourceOf(Grant, {
  async GrantAccepted({ data }, sql) {
    await sql.query(`UPDATE ex_rows SET accepted_on = $2 WHERE grant_id = $1`, [data.grantId, data.acceptedOn]);
    for (const c of data.coFinancing) {
      await sql.query(`UPDATE ex_rows SET co_fin_committed = $3 WHERE grant_id = $1 AND year = $2`, [data.grantId, c.year, c.committed]);
    }
  },
  async GrantPaymentRecorded({ data }, sql) {
    await sql.query(
      `UPDATE ex_rows SET paid = paid + $3, last_paid_on = GREATEST(last_paid_on, $4::date) WHERE grant_id = $1 AND year = $2`,
      [data.grantId, data.year, data.amount, data.paidOn],
    );
  },
  GrantReportSubmitted: reportSubmitted,
  async GrantReportApproved({ data }, sql) {
    await sql.query(`UPDATE ex_rows SET report_status = 'approved', report_approved_on = $3 WHERE grant_id = $1 AND year = $2`, [
      data.grantId,
      data.year,
      data.approvedOn,
    ]);
  },
  RepaymentClaimed: repaymentClaimed,
  async RepaymentSettled({ data }, sql) {
    await sql.query(
      `UPDATE ex_rows SET repaid = repaid + $3 WHERE grant_id = $1 AND year = (SELECT year FROM ex_claims WHERE grant_id = $1 AND claim_id = $2)`,
      [data.grantId, data.claimId, data.amount],
    );
  },
});
