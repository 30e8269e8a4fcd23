import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import type { GrantEvent, ReportSubmittedData } from '../../grant/grant.aggregate.js';

/** A grant-stream event into gr_grants (its stream version), gr_grant_years, gr_payments and gr_claims. */
export async function applyGrantEvent(e: GrantEvent, stored: StoredEvent, sql: Sql): Promise<void> {
  const d = e.data;
  await sql.query(`UPDATE gr_grants SET grant_version = $2 WHERE grant_id = $1`, [d.grantId, stored.streamVersion]);
  switch (e.type) {
    case 'GrantAccepted':
      await sql.query(`UPDATE gr_grants SET accepted_on = $2 WHERE grant_id = $1`, [e.data.grantId, e.data.acceptedOn]);
      await sql.query(`UPDATE gr_grant_years SET accepted = true WHERE grant_id = $1`, [e.data.grantId]);
      for (const c of e.data.coFinancing) {
        await sql.query(`UPDATE gr_grant_years SET co_fin_committed = $3 WHERE grant_id = $1 AND year = $2`, [
          e.data.grantId,
          c.year,
          c.committed,
        ]);
      }
      return;
    case 'GrantPaymentRecorded':
      await sql.query(
        `INSERT INTO gr_payments (payment_id, grant_id, year, amount, paid_on, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [...[e.data.paymentId, e.data.grantId, e.data.year, e.data.amount, e.data.paidOn], stored.metadata.recordedAt],
      );
      await sql.query(`UPDATE gr_grant_years SET paid = paid + $3 WHERE grant_id = $1 AND year = $2`, [
        e.data.grantId,
        e.data.year,
        e.data.amount,
      ]);
      return;
    case 'GrantReportSubmitted':
      return reportSubmitted(sql, e.data);
    case 'GrantReportApproved':
      await sql.query(`UPDATE gr_grant_years SET report_status = 'approved' WHERE grant_id = $1 AND year = $2`, [
        e.data.grantId,
        e.data.year,
      ]);
      return;
    case 'RepaymentClaimed':
      await sql.query(`INSERT INTO gr_claims (grant_id, claim_id, year, amount, reason, claimed_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
        ...[e.data.grantId, e.data.claimId, e.data.year],
        ...[e.data.amount, e.data.reason, e.data.claimedOn],
      ]);
      if (e.data.year !== null)
        await sql.query(`UPDATE gr_grant_years SET claimed = claimed + $3 WHERE grant_id = $1 AND year = $2`, [
          e.data.grantId,
          e.data.year,
          e.data.amount,
        ]);
      return;
    case 'RepaymentSettled': {
      const r = await sql.query<{ year: number | null }>(
        `UPDATE gr_claims SET settled = settled + $3, settled_on = $4 WHERE grant_id = $1 AND claim_id = $2 RETURNING year`,
        [...[e.data.grantId, e.data.claimId], ...[e.data.amount, e.data.settledOn]],
      );
      const year = r.rows[0]?.year;
      if (year !== null && year !== undefined)
        await sql.query(`UPDATE gr_grant_years SET repaid = repaid + $3 WHERE grant_id = $1 AND year = $2`, [
          e.data.grantId,
          year,
          e.data.amount,
        ]);
      return;
    }
  }
}

async function reportSubmitted(sql: Sql, d: ReportSubmittedData) {
  const report = {
    spent: d.spent,
    unspent: d.unspent,
    coFinancingProvided: d.coFinancingProvided,
    participants: d.participants,
    evaluation: d.evaluation,
    teacherEducationFeedback: d.teacherEducationFeedback,
  };
  await sql.query(
    `UPDATE gr_grant_years SET report_status = 'submitted', report = $3::jsonb, report_submitted_on = $4, report_late = $5,
       co_fin_documented = $6, shortfall = $7 WHERE grant_id = $1 AND year = $2`,
    [
      d.grantId,
      d.year,
      JSON.stringify(report),
      d.submittedOn,
      d.late,
      d.coFinancingProvided.total,
      d.coFinancingShortfall?.missing ?? null,
    ],
  );
}
