import type { Sql } from '#libs/db';
import { FrameLedger, type LedgerEvent } from '#libs/grants';
import { coFinancingRequired } from './co-financing.js';
import { ensureRow, measureOfGrant } from './rows.js';
import { sourceOf } from './source.js';

type Decided = Extract<LedgerEvent, { type: 'AllocationDecided' }>;
type Amended = Extract<LedgerEvent, { type: 'AllocationAmended' }>;
type Frame = Extract<LedgerEvent, { type: 'FrameSet' | 'FrameAdjusted' }>;

const setFrame = async ({ data }: Frame, sql: Sql) => {
  await sql.query(
    `INSERT INTO ex_frames (office, scheme, year, amount) VALUES ($1, $2, $3, $4) ON CONFLICT (office, scheme, year) DO UPDATE SET amount = $4`,
    [data.office, data.scheme, data.year, data.amount],
  );
};

/** R12: the decision, line by line, on the rows of its measure, recipient and years. */
async function decided({ data: d }: Decided, sql: Sql): Promise<void> {
  for (const l of d.lines) {
    await ensureRow(sql, d.measureId, d.recipientOrg, l.year, d.office, d.scheme);
    await sql.query(
      `UPDATE ex_rows SET grant_id = $4, decision_year = $5, decision_status = 'active', decision_basis = $6, granted = $7, decided_on = $8,
         deviates = $9, deviation_reason = $10, rule_set_version = $11, recipient_kind = $12, co_fin_required = $13, report_deadline = $14, report_status = 'due'
       WHERE measure_id = $1 AND recipient_org = $2 AND year = $3`,
      [
        d.measureId,
        d.recipientOrg,
        l.year,
        d.grantId,
        d.decisionYear,
        d.basis,
        l.amount,
        d.decidedOn,
        d.deviates,
        d.deviationReason,
        d.ruleSetVersion,
        d.recipientKind,
        coFinancingRequired(l, d.scheme, d.recipientKind),
        l.reportDeadline,
      ],
    );
  }
}

interface DecidedGrant {
  recipient_org: string;
  recipient_kind: string;
  decision_year: number;
  decided_on: string;
}

/** R9, R12, R21: an amendment replaces the lines (a dropped year keeps its row with 0) and counts itself. */
async function amended({ data: d }: Amended, sql: Sql): Promise<void> {
  const measureId = measureOfGrant(d.grantId);
  const grant = (
    await sql.query<DecidedGrant>(
      `SELECT recipient_org, recipient_kind, decision_year, to_char(decided_on, 'YYYY-MM-DD') AS decided_on FROM ex_rows WHERE grant_id = $1 LIMIT 1`,
      [d.grantId],
    )
  ).rows[0];
  if (!grant) return;
  const kept = new Set(d.lines.map((l) => l.year));
  for (const l of d.previousLines) {
    if (!kept.has(l.year))
      await sql.query(`UPDATE ex_rows SET granted = 0, co_fin_required = 0 WHERE grant_id = $1 AND year = $2`, [d.grantId, l.year]);
  }
  for (const l of d.lines) {
    await ensureRow(sql, measureId, grant.recipient_org, l.year, d.office, d.scheme);
    await sql.query(
      `UPDATE ex_rows SET grant_id = $4, decision_year = $5, decision_status = 'active', decision_basis = $6, granted = $7, decided_on = $8,
         deviates = $9, deviation_reason = CASE WHEN $9 THEN $10 ELSE NULL END, rule_set_version = $11, recipient_kind = $12, co_fin_required = $13,
         report_deadline = $14, report_status = COALESCE(report_status, 'due'), amendments = amendments + 1
       WHERE measure_id = $1 AND recipient_org = $2 AND year = $3`,
      [
        measureId,
        grant.recipient_org,
        l.year,
        d.grantId,
        grant.decision_year,
        d.basis,
        l.amount,
        grant.decided_on,
        d.deviates,
        d.reason,
        d.ruleSetVersion,
        grant.recipient_kind,
        coFinancingRequired(l, d.scheme, grant.recipient_kind),
        l.reportDeadline,
      ],
    );
  }
}

/** The frame ledgers: frames (R18) and the allocation decisions charged to them (R9, R12). */
export const frameLedgerEvents = sourceOf(FrameLedger, {
  FrameSet: setFrame,
  FrameAdjusted: setFrame,
  AllocationDecided: decided,
  AllocationAmended: amended,
  async AllocationRevoked({ data }, sql) {
    await sql.query(`UPDATE ex_rows SET decision_status = 'revoked' WHERE grant_id = $1`, [data.grantId]);
  },
});
