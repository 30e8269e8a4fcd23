import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import type { AllocationAmendedData, AllocationDecidedData, AmendedLine, LedgerEvent } from '../../frame-ledger/frame-ledger.aggregate.js';
import { withMinimum } from '../../frame-ledger/frame-ledger.aggregate.js';

/** A frame-ledger event into gr_ledgers, gr_frames, gr_grants and gr_grant_years. */
export async function applyLedgerEvent(e: LedgerEvent, stored: StoredEvent, sql: Sql): Promise<void> {
  await sql.query(
    `INSERT INTO gr_ledgers (office, scheme, version) VALUES ($1, $2, $3) ON CONFLICT (office, scheme) DO UPDATE SET version = EXCLUDED.version`,
    [e.data.office, e.data.scheme, stored.streamVersion],
  );
  switch (e.type) {
    case 'FrameSet':
      await sql.query(`INSERT INTO gr_frames (office, scheme, year, amount, set_at, ledger_version) VALUES ($1, $2, $3, $4, $5, $6)`, [
        ...[e.data.office, e.data.scheme, e.data.year, e.data.amount],
        ...[stored.metadata.recordedAt, stored.streamVersion],
      ]);
      return;
    case 'FrameAdjusted':
      await sql.query(
        `UPDATE gr_frames SET amount = $4, adjustments = adjustments + 1, ledger_version = $5 WHERE office = $1 AND scheme = $2 AND year = $3`,
        [...[e.data.office, e.data.scheme, e.data.year, e.data.amount], stored.streamVersion],
      );
      return;
    case 'AllocationDecided':
      return decided(sql, e.data, stored.streamVersion);
    case 'AllocationAmended':
      return amended(sql, e.data, stored.streamVersion);
    case 'AllocationRevoked':
      await sql.query(
        `UPDATE gr_grants SET status = 'revoked', revocation_reason = $2, ledger_version = $3, decision_changes = decision_changes + 1 WHERE grant_id = $1`,
        [...[e.data.grantId, e.data.reason], stored.streamVersion],
      );
      await sql.query(`UPDATE gr_grant_years SET active = false WHERE grant_id = $1`, [e.data.grantId]);
      return;
    case 'CommitmentImported': {
      // Imported from before Dekomp: a grant like a decision, basis 'imported', its call 'import'.
      const d = e.data;
      const asDecided = {
        ...d,
        callId: 'import',
        basis: 'imported' as never,
        recommendationId: null,
        deviates: false,
        deviationReason: null,
        decisionDate: d.decidedOn,
        warnings: [],
      };
      return decided(sql, asDecided, stored.streamVersion);
    }
    case 'ReportDeadlineSet':
      // R26: every line of the year still at the office's earlier deadline moves with it.
      await sql.query(
        `UPDATE gr_grant_years SET report_deadline = $4 WHERE office = $1 AND scheme = $2 AND year = $3 AND report_deadline = $5::date`,
        [...[e.data.office, e.data.scheme, e.data.year, e.data.deadline, e.data.previousDeadline]],
      );
      return;
    case 'ReportDeadlineExtended':
      await sql.query(`UPDATE gr_grant_years SET report_deadline = $3 WHERE grant_id = $1 AND year = $2`, [
        e.data.grantId,
        e.data.year,
        e.data.deadline,
      ]);
      await sql.query(`UPDATE gr_grants SET ledger_version = $2, decision_changes = decision_changes + 1 WHERE grant_id = $1`, [
        e.data.grantId,
        stored.streamVersion,
      ]);
      return;
  }
}

async function decided(sql: Sql, d: AllocationDecidedData, ledgerVersion: number) {
  await sql.query(
    `INSERT INTO gr_grants (grant_id, office, scheme, decision_year, call_id, measure_id, recipient_org, recipient_kind, status, basis,
       recommendation_id, deviates, deviation_reason, rule_set_version, decided_on, decision_date, warnings, ledger_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17)`,
    [
      ...[
        d.grantId,
        d.office,
        d.scheme,
        d.decisionYear,
        d.callId,
        d.measureId,
        d.recipientOrg,
        d.recipientKind,
        d.basis,
        d.recommendationId,
      ],
      ...[d.deviates, d.deviationReason, d.ruleSetVersion, d.decidedOn, d.decisionDate, JSON.stringify(d.warnings), ledgerVersion],
    ],
  );
  await upsertLines(sql, d.grantId, d.lines);
}

async function amended(sql: Sql, d: AllocationAmendedData, ledgerVersion: number) {
  await sql.query(
    `UPDATE gr_grants SET basis = $2, recommendation_id = $3, deviates = $4, deviation_reason = CASE WHEN $4 THEN $5 ELSE NULL END,
       rule_set_version = $6, amendments = amendments + 1, ledger_version = $7, decision_changes = decision_changes + 1 WHERE grant_id = $1`,
    [d.grantId, d.basis, d.recommendationId, d.deviates, d.reason, d.ruleSetVersion, ledgerVersion],
  );
  const kept = new Set(d.lines.map((l) => l.year));
  for (const l of d.previousLines) {
    if (!kept.has(l.year))
      await sql.query(`UPDATE gr_grant_years SET decided = 0, co_fin_required = 0 WHERE grant_id = $1 AND year = $2`, [d.grantId, l.year]);
  }
  await upsertLines(sql, d.grantId, d.lines);
}

/** The decided lines with the R7/R8 minimum the event carries (computed only for amendments stored before it was). */
async function upsertLines(sql: Sql, grantId: string, lines: AmendedLine[]) {
  const g = (
    await sql.query<{
      office: string;
      scheme: string;
      recipient_org: string;
      recipient_kind: string;
      decision_year: number;
      accepted: boolean;
    }>(
      `SELECT office, scheme, recipient_org, recipient_kind, decision_year, accepted_on IS NOT NULL AS accepted FROM gr_grants WHERE grant_id = $1`,
      [grantId],
    )
  ).rows[0];
  for (const stored of lines) {
    const l = withMinimum({ scheme: g.scheme as never, recipientKind: g.recipient_kind as never }, stored);
    await sql.query(
      `INSERT INTO gr_grant_years (grant_id, year, office, scheme, recipient_org, decision_year, recommended, decided, co_fin_required, report_deadline, accepted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (grant_id, year) DO UPDATE SET recommended = EXCLUDED.recommended, decided = EXCLUDED.decided, co_fin_required = EXCLUDED.co_fin_required`,
      [
        grantId,
        l.year,
        g.office,
        g.scheme,
        g.recipient_org,
        g.decision_year,
        l.recommended,
        l.amount,
        l.coFinancingRequired,
        l.reportDeadline,
        g.accepted,
      ],
    );
  }
}
