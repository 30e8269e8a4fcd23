import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import type { Projection } from '#libs/projections';
import { upcast } from '#libs/platform';
import { YrkesfagFrame, type YrkesfagEvent } from '../../county-frame/county-frame.aggregate.js';

/**
 * Udir's ledger of YRKESFAG: per county municipality and year the frame, what is paid, planned, spent, claimed
 * back and repaid, and the report obligation (R15, R16, R18, R24, R26). `version` is the county stream's version.
 */
export const framesSchema = `
    CREATE TABLE yf_counties (
      county text PRIMARY KEY,
      name text NOT NULL,
      version integer NOT NULL
    );
    CREATE TABLE yf_frames (
      county text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      adjustments integer NOT NULL DEFAULT 0,
      paid bigint NOT NULL DEFAULT 0,
      planned bigint NOT NULL DEFAULT 0,
      spent bigint NOT NULL DEFAULT 0,
      claimed bigint NOT NULL DEFAULT 0,
      repaid bigint NOT NULL DEFAULT 0,
      report_deadline date NOT NULL,
      deadline_extensions integer NOT NULL DEFAULT 0,
      report_submitted_on date,
      report_late boolean,
      evaluation text,
      rule_set_version text NOT NULL,
      PRIMARY KEY (county, year)
    );
    CREATE TABLE yf_payments (
      county text NOT NULL,
      payment_id text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      paid_on date NOT NULL,
      PRIMARY KEY (county, payment_id)
    );
    CREATE TABLE yf_claims (
      county text NOT NULL,
      claim_id text NOT NULL,
      year integer NOT NULL,
      amount bigint NOT NULL,
      settled bigint NOT NULL DEFAULT 0,
      claimed_on date NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (county, claim_id)
    );`;

const addTo = (sql: Sql, column: 'paid' | 'planned' | 'spent' | 'claimed' | 'repaid', county: string, year: number, amount: number) =>
  sql.query(`UPDATE yf_frames SET ${column} = ${column} + $3 WHERE county = $1 AND year = $2`, [county, year, amount]);

async function applyMoney(e: YrkesfagEvent, sql: Sql): Promise<void> {
  switch (e.type) {
    case 'YrkesfagFrameSet':
      await sql.query(`INSERT INTO yf_frames (county, year, amount, report_deadline, rule_set_version) VALUES ($1, $2, $3, $4, $5)`, [
        e.data.county,
        e.data.year,
        e.data.amount,
        e.data.reportDeadline,
        e.data.ruleSetVersion,
      ]);
      return;
    case 'YrkesfagFrameAdjusted':
      await sql.query(`UPDATE yf_frames SET amount = $3, adjustments = adjustments + 1 WHERE county = $1 AND year = $2`, [
        e.data.county,
        e.data.year,
        e.data.amount,
      ]);
      return;
    case 'YrkesfagPaymentMade':
      await sql.query(`INSERT INTO yf_payments (county, payment_id, year, amount, paid_on) VALUES ($1, $2, $3, $4, $5)`, [
        e.data.county,
        e.data.paymentId,
        e.data.year,
        e.data.amount,
        e.data.paidOn,
      ]);
      await addTo(sql, 'paid', e.data.county, e.data.year, e.data.amount);
      return;
    case 'YrkesfagReportDeadlineExtended':
      await sql.query(
        `UPDATE yf_frames SET report_deadline = $3, deadline_extensions = deadline_extensions + 1 WHERE county = $1 AND year = $2`,
        [e.data.county, e.data.year, e.data.deadline],
      );
      return;
    case 'YrkesfagRepaymentClaimed':
      await sql.query(`INSERT INTO yf_claims (county, claim_id, year, amount, claimed_on, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [
        e.data.county,
        e.data.claimId,
        e.data.year,
        e.data.amount,
        e.data.claimedOn,
        e.data.reason,
      ]);
      await addTo(sql, 'claimed', e.data.county, e.data.year, e.data.amount);
      return;
    case 'YrkesfagRepaymentSettled':
      await sql.query(`UPDATE yf_claims SET settled = settled + $3 WHERE county = $1 AND claim_id = $2`, [
        e.data.county,
        e.data.claimId,
        e.data.amount,
      ]);
      await addTo(sql, 'repaid', e.data.county, e.data.year, e.data.amount);
      return;
    default:
      await applyCountySide(e, sql);
  }
}

async function applyCountySide(e: YrkesfagEvent, sql: Sql): Promise<void> {
  switch (e.type) {
    case 'YrkesfagMeasureRecorded':
      await addTo(sql, 'planned', e.data.county, e.data.year, e.data.amount);
      return;
    case 'YrkesfagPlanAdopted':
      await sql.query(`UPDATE yf_frames SET planned = $3 WHERE county = $1 AND year = $2`, [
        e.data.county,
        e.data.year,
        e.data.plannedTotal,
      ]);
      return;
    case 'YrkesfagSpendingRecorded':
      await addTo(sql, 'spent', e.data.county, e.data.year, e.data.amount);
      return;
    case 'YrkesfagReportSubmitted':
      await sql.query(`UPDATE yf_frames SET report_submitted_on = $3, report_late = $4, evaluation = $5 WHERE county = $1 AND year = $2`, [
        e.data.county,
        e.data.year,
        e.data.submittedOn,
        e.data.late,
        e.data.evaluation,
      ]);
      return;
    default:
      return; // forum and needs: only the version moves
  }
}

export const yrkesfagFramesProjection: Projection = {
  name: 'yrkesfag_frames',
  version: 2,
  schema: framesSchema,
  handles: Object.keys(YrkesfagFrame.eventTypes),
  async apply(stored: StoredEvent, sql: Sql) {
    const e = upcast(YrkesfagFrame, stored);
    if (e.type === 'YrkesfagFrameSet') {
      await sql.query(
        `INSERT INTO yf_counties (county, name, version) VALUES ($1, $2, $3) ON CONFLICT (county) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version`,
        [e.data.county, e.data.countyName, stored.streamVersion],
      );
    } else {
      await sql.query(`UPDATE yf_counties SET version = $2 WHERE county = $1`, [e.data.county, stored.streamVersion]);
    }
    await applyMoney(e, sql);
  },
};
