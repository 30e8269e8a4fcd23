import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import type { Projection } from '#libs/projections';
import type { DecidedLine, LedgerEvent } from '../domain/frame-ledger.decider.js';
import { requiredCoFinancing, type GrantEvent } from '../domain/grant.decider.js';

/**
 * Frames, grants (one row per decision) and grant years (one row per grant and year: recommended, decided,
 * co-financing required/committed/documented, paid, report, claims), payments and repayment claims.
 * Every table is prefixed `gr_`.
 */
/** Every event type of the frame ledgers and grants (for read models of other capabilities too). */
export const GRANTS_EVENT_TYPES = [
  'FrameSet',
  'FrameAdjusted',
  'AllocationDecided',
  'AllocationAmended',
  'AllocationRevoked',
  'GrantAccepted',
  'GrantPaymentRecorded',
  'GrantReportSubmitted',
  'GrantReportApproved',
  'RepaymentClaimed',
  'RepaymentSettled',
] as const;

export const grantsProjection: Projection = {
  name: 'grants',
  version: 1,
  schema: `
    CREATE TABLE gr_ledgers (
      office text NOT NULL,
      scheme text NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (office, scheme)
    );
    CREATE TABLE gr_frames (
      office text NOT NULL,
      scheme text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      adjustments integer NOT NULL DEFAULT 0,
      set_at timestamptz NOT NULL,
      ledger_version integer NOT NULL,
      PRIMARY KEY (office, scheme, year)
    );
    CREATE TABLE gr_grants (
      grant_id text PRIMARY KEY,
      office text NOT NULL,
      scheme text NOT NULL,
      decision_year integer NOT NULL,
      call_id text NOT NULL,
      measure_id text NOT NULL,
      recipient_org text NOT NULL,
      recipient_kind text NOT NULL,
      status text NOT NULL,
      basis text NOT NULL,
      recommendation_id text,
      deviates boolean NOT NULL,
      deviation_reason text,
      rule_set_version text NOT NULL,
      decided_on date NOT NULL,
      decision_date date NOT NULL,
      amendments integer NOT NULL DEFAULT 0,
      revocation_reason text,
      warnings jsonb NOT NULL DEFAULT '[]',
      accepted_on date,
      ledger_version integer NOT NULL,
      grant_version integer NOT NULL DEFAULT 0
    );
    CREATE INDEX gr_grants_by_office ON gr_grants (office, scheme, decision_year);
    CREATE INDEX gr_grants_by_recipient ON gr_grants (recipient_org);
    CREATE TABLE gr_grant_years (
      grant_id text NOT NULL,
      year integer NOT NULL,
      office text NOT NULL,
      scheme text NOT NULL,
      recipient_org text NOT NULL,
      decision_year integer NOT NULL,
      active boolean NOT NULL DEFAULT true,
      accepted boolean NOT NULL DEFAULT false,
      recommended bigint,
      decided bigint NOT NULL,
      co_fin_required bigint NOT NULL,
      co_fin_committed bigint,
      co_fin_documented bigint,
      shortfall bigint,
      paid bigint NOT NULL DEFAULT 0,
      report_deadline date NOT NULL,
      report_status text NOT NULL DEFAULT 'due',
      report jsonb,
      report_submitted_on date,
      report_late boolean,
      claimed bigint NOT NULL DEFAULT 0,
      repaid bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (grant_id, year)
    );
    CREATE INDEX gr_grant_years_by_office ON gr_grant_years (office, scheme, year);
    CREATE INDEX gr_grant_years_by_recipient ON gr_grant_years (recipient_org);
    CREATE TABLE gr_payments (
      payment_id text PRIMARY KEY,
      grant_id text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      paid_on date NOT NULL,
      recorded_at timestamptz NOT NULL
    );
    CREATE INDEX gr_payments_by_grant ON gr_payments (grant_id);
    CREATE TABLE gr_claims (
      grant_id text NOT NULL,
      claim_id text NOT NULL,
      year integer,
      amount bigint NOT NULL,
      reason text NOT NULL,
      claimed_on date NOT NULL,
      settled bigint NOT NULL DEFAULT 0,
      settled_on date,
      PRIMARY KEY (grant_id, claim_id)
    );`,
  handles: GRANTS_EVENT_TYPES,
  async apply(stored, sql) {
    const e = { type: stored.type, data: stored.data } as LedgerEvent | GrantEvent;
    if (stored.streamId.startsWith('FrameLedger-')) {
      const d = e.data as { office: string; scheme: string };
      await sql.query(
        `INSERT INTO gr_ledgers (office, scheme, version) VALUES ($1, $2, $3) ON CONFLICT (office, scheme) DO UPDATE SET version = EXCLUDED.version`,
        [d.office, d.scheme, stored.streamVersion],
      );
    }
    switch (e.type) {
      case 'FrameSet':
        await sql.query(`INSERT INTO gr_frames (office, scheme, year, amount, set_at, ledger_version) VALUES ($1, $2, $3, $4, $5, $6)`, [
          e.data.office,
          e.data.scheme,
          e.data.year,
          e.data.amount,
          stored.metadata.recordedAt,
          stored.streamVersion,
        ]);
        return;
      case 'FrameAdjusted':
        await sql.query(`UPDATE gr_frames SET amount = $4, adjustments = adjustments + 1, ledger_version = $5 WHERE office = $1 AND scheme = $2 AND year = $3`, [
          e.data.office,
          e.data.scheme,
          e.data.year,
          e.data.amount,
          stored.streamVersion,
        ]);
        return;
      case 'AllocationDecided': {
        const d = e.data;
        await sql.query(
          `INSERT INTO gr_grants (grant_id, office, scheme, decision_year, call_id, measure_id, recipient_org, recipient_kind, status, basis,
             recommendation_id, deviates, deviation_reason, rule_set_version, decided_on, decision_date, warnings, ledger_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17)`,
          [d.grantId, d.office, d.scheme, d.decisionYear, d.callId, d.measureId, d.recipientOrg, d.recipientKind, d.basis, d.recommendationId, d.deviates, d.deviationReason, d.ruleSetVersion, d.decidedOn, d.decisionDate, JSON.stringify(d.warnings), stored.streamVersion],
        );
        await upsertLines(sql, d.grantId, d.lines);
        return;
      }
      case 'AllocationAmended': {
        const d = e.data;
        await sql.query(
          `UPDATE gr_grants SET basis = $2, recommendation_id = $3, deviates = $4, deviation_reason = CASE WHEN $4 THEN $5 ELSE NULL END,
             rule_set_version = $6, amendments = amendments + 1, ledger_version = $7 WHERE grant_id = $1`,
          [d.grantId, d.basis, d.recommendationId, d.deviates, d.reason, d.ruleSetVersion, stored.streamVersion],
        );
        const kept = new Set(d.lines.map((l) => l.year));
        for (const l of d.previousLines) {
          if (!kept.has(l.year)) await sql.query(`UPDATE gr_grant_years SET decided = 0, co_fin_required = 0 WHERE grant_id = $1 AND year = $2`, [d.grantId, l.year]);
        }
        await upsertLines(sql, d.grantId, d.lines);
        return;
      }
      case 'AllocationRevoked':
        await sql.query(`UPDATE gr_grants SET status = 'revoked', revocation_reason = $2, ledger_version = $3 WHERE grant_id = $1`, [e.data.grantId, e.data.reason, stored.streamVersion]);
        await sql.query(`UPDATE gr_grant_years SET active = false WHERE grant_id = $1`, [e.data.grantId]);
        return;
      case 'GrantAccepted':
        await grantVersion(sql, stored);
        await sql.query(`UPDATE gr_grants SET accepted_on = $2 WHERE grant_id = $1`, [e.data.grantId, e.data.acceptedOn]);
        await sql.query(`UPDATE gr_grant_years SET accepted = true WHERE grant_id = $1`, [e.data.grantId]);
        for (const c of e.data.coFinancing) {
          await sql.query(`UPDATE gr_grant_years SET co_fin_committed = $3 WHERE grant_id = $1 AND year = $2`, [e.data.grantId, c.year, c.committed]);
        }
        return;
      case 'GrantPaymentRecorded':
        await grantVersion(sql, stored);
        await sql.query(`INSERT INTO gr_payments (payment_id, grant_id, year, amount, paid_on, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
          e.data.paymentId,
          e.data.grantId,
          e.data.year,
          e.data.amount,
          e.data.paidOn,
          stored.metadata.recordedAt,
        ]);
        await sql.query(`UPDATE gr_grant_years SET paid = paid + $3 WHERE grant_id = $1 AND year = $2`, [e.data.grantId, e.data.year, e.data.amount]);
        return;
      case 'GrantReportSubmitted': {
        const d = e.data;
        await grantVersion(sql, stored);
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
          [d.grantId, d.year, JSON.stringify(report), d.submittedOn, d.late, d.coFinancingProvided.total, d.coFinancingShortfall?.missing ?? null],
        );
        return;
      }
      case 'GrantReportApproved':
        await grantVersion(sql, stored);
        await sql.query(`UPDATE gr_grant_years SET report_status = 'approved' WHERE grant_id = $1 AND year = $2`, [e.data.grantId, e.data.year]);
        return;
      case 'RepaymentClaimed':
        await grantVersion(sql, stored);
        await sql.query(`INSERT INTO gr_claims (grant_id, claim_id, year, amount, reason, claimed_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
          e.data.grantId,
          e.data.claimId,
          e.data.year,
          e.data.amount,
          e.data.reason,
          e.data.claimedOn,
        ]);
        if (e.data.year !== null) await sql.query(`UPDATE gr_grant_years SET claimed = claimed + $3 WHERE grant_id = $1 AND year = $2`, [e.data.grantId, e.data.year, e.data.amount]);
        return;
      case 'RepaymentSettled': {
        await grantVersion(sql, stored);
        const r = await sql.query<{ year: number | null }>(
          `UPDATE gr_claims SET settled = settled + $3, settled_on = $4 WHERE grant_id = $1 AND claim_id = $2 RETURNING year`,
          [e.data.grantId, e.data.claimId, e.data.amount, e.data.settledOn],
        );
        const year = r.rows[0]?.year;
        if (year !== null && year !== undefined) await sql.query(`UPDATE gr_grant_years SET repaid = repaid + $3 WHERE grant_id = $1 AND year = $2`, [e.data.grantId, year, e.data.amount]);
        return;
      }
    }
  },
};

async function grantVersion(sql: Sql, stored: StoredEvent) {
  const data = stored.data as { grantId: string };
  await sql.query(`UPDATE gr_grants SET grant_version = $2 WHERE grant_id = $1`, [data.grantId, stored.streamVersion]);
}

async function upsertLines(sql: Sql, grantId: string, lines: DecidedLine[]) {
  const g = (
    await sql.query<{ office: string; scheme: string; recipient_org: string; recipient_kind: string; decision_year: number; accepted: boolean }>(
      `SELECT office, scheme, recipient_org, recipient_kind, decision_year, accepted_on IS NOT NULL AS accepted FROM gr_grants WHERE grant_id = $1`,
      [grantId],
    )
  ).rows[0];
  for (const l of lines) {
    const required = requiredCoFinancing({ scheme: g.scheme as never, recipientKind: g.recipient_kind as never }, l.year, l.amount);
    await sql.query(
      `INSERT INTO gr_grant_years (grant_id, year, office, scheme, recipient_org, decision_year, recommended, decided, co_fin_required, report_deadline, accepted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (grant_id, year) DO UPDATE SET recommended = EXCLUDED.recommended, decided = EXCLUDED.decided, co_fin_required = EXCLUDED.co_fin_required`,
      [grantId, l.year, g.office, g.scheme, g.recipient_org, g.decision_year, l.recommended, l.amount, required, l.reportDeadline, g.accepted],
    );
  }
}
