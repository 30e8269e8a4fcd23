import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { Appeal, FrameLedger, Grant, withMinimum, type AllocationDecidedData, type DecidedLine } from '#libs/grants';
import type { OrgKind } from '#libs/kernel';
import { upcast } from '#libs/platform';
import { YrkesfagFrame } from '#libs/yrkesfag';

/** The event types after a decision: frames and decisions, the grants' own lives, appeals, YRKESFAG frames and reports. */
export const AFTER_DECISION_TYPES = [
  'FrameSet',
  'AllocationDecided',
  'AllocationAmended',
  'AllocationRevoked',
  'ReportDeadlineSet',
  'ReportDeadlineExtended',
  'GrantAccepted',
  'GrantReportSubmitted',
  'GrantReportApproved',
  'RepaymentClaimed',
  ...Object.keys(Appeal.eventTypes),
  'YrkesfagFrameSet',
  'YrkesfagReportDeadlineExtended',
  'YrkesfagReportSubmitted',
];

const LEDGER_TYPES = new Set(Object.keys(FrameLedger.eventTypes));
const GRANT_TYPES = new Set(Object.keys(Grant.eventTypes));
const APPEAL_TYPES = new Set(Object.keys(Appeal.eventTypes));

/** A report's id: a grant's year, or a county municipality's YRKESFAG year. */
export const grantReportIdOf = (grantId: string, year: number) => `${grantId}.${year}`;
export const yrkesfagReportIdOf = (county: string, year: number) => `YRKESFAG.${county}.${year}`;

export async function applyAfterDecision(stored: StoredEvent, sql: Sql): Promise<void> {
  if (LEDGER_TYPES.has(stored.type)) return applyLedger(stored, sql);
  if (GRANT_TYPES.has(stored.type)) return applyGrant(stored, sql);
  if (APPEAL_TYPES.has(stored.type)) return applyAppeal(stored, sql);
  return applyYrkesfag(stored, sql);
}

/** R26: one report's deadline extended. */
const moveDeadline = async (sql: Sql, reportId: string, deadline: string) => {
  await sql.query(`UPDATE wl_reports SET deadline = $2 WHERE report_id = $1`, [reportId, deadline]);
};

/** R22: every decision, amendment, revocation and repayment claim is a letter, numbered per grant in log order. */
async function letter(sql: Sql, grantId: string, kind: string, date: string): Promise<void> {
  await sql.query(
    `WITH n AS (UPDATE wl_grants SET letters = letters + 1 WHERE grant_id = $1 RETURNING letters)
     INSERT INTO wl_letters SELECT $1, letters, $2, $3 FROM n`,
    [grantId, kind, date],
  );
}

type GrantHead = { grantId: string; office: string; scheme: string; recipientOrg: string };

/** One report row per line (a year's deadline moved by an amendment), in one statement. */
async function putReports(sql: Sql, d: GrantHead, lines: DecidedLine[]) {
  await sql.query(
    `INSERT INTO wl_reports (report_id, source, grant_id, scheme, year, recipient_org, office, deadline)
     SELECT id, 'grant', $1, $2, y, $3, $4, deadline FROM unnest($5::text[], $6::int[], $7::date[]) AS l(id, y, deadline)
     ON CONFLICT (report_id) DO UPDATE SET deadline = EXCLUDED.deadline`,
    [
      ...[d.grantId, d.scheme, d.recipientOrg, d.office],
      ...[lines.map((l) => grantReportIdOf(d.grantId, l.year)), lines.map((l) => l.year), lines.map((l) => l.reportDeadline)],
    ],
  );
}

const requiredOf = (lines: DecidedLine[]) => lines.reduce((s, l) => s + l.coFinancingRequired, 0);

/** The grant's report rows follow its lines: a year dropped by an amendment goes, unless already reported. */
async function amendLines(sql: Sql, d: GrantHead, lines: DecidedLine[]) {
  await sql.query(`DELETE FROM wl_reports WHERE grant_id = $1 AND NOT submitted AND NOT (year = ANY($2::int[]))`, [
    d.grantId,
    lines.map((l) => l.year),
  ]);
  await putReports(sql, d, lines);
  await sql.query(`UPDATE wl_grants SET co_financing_required = $2 WHERE grant_id = $1`, [d.grantId, requiredOf(lines)]);
}

/** A decision: the grant (its letter 1), its reports and the letter (R22). */
async function decided(sql: Sql, d: AllocationDecidedData): Promise<void> {
  await sql.query(`INSERT INTO wl_grants VALUES ($1, $2, $3, $4, $5, $6, $7, true, false, $8, $9, 1)`, [
    ...[d.grantId, d.office, d.scheme, d.callId, d.measureId, d.recipientOrg, d.recipientKind],
    ...[requiredOf(d.lines), d.decidedOn],
  ]);
  await putReports(sql, d, d.lines);
  await sql.query(`INSERT INTO wl_letters VALUES ($1, 1, 'decision', $2)`, [d.grantId, d.decidedOn]);
}

async function applyLedger(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(FrameLedger, stored);
  switch (e.type) {
    case 'FrameSet':
      await sql.query(`INSERT INTO wl_frames VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [e.data.office, e.data.scheme, e.data.year]);
      return;
    case 'AllocationDecided':
      return decided(sql, e.data);
    case 'AllocationAmended': {
      const g = (
        await sql.query<{ recipient_org: string; recipient_kind: OrgKind }>(
          `SELECT recipient_org, recipient_kind FROM wl_grants WHERE grant_id = $1`,
          [e.data.grantId],
        )
      ).rows[0];
      if (!g) return;
      const lines = e.data.lines.map((l) => withMinimum({ scheme: e.data.scheme, recipientKind: g.recipient_kind }, l));
      await amendLines(sql, { ...e.data, recipientOrg: g.recipient_org }, lines);
      await letter(sql, e.data.grantId, 'amendment', e.data.amendedOn);
      return;
    }
    case 'AllocationRevoked':
      await sql.query(`UPDATE wl_grants SET active = false WHERE grant_id = $1`, [e.data.grantId]);
      await sql.query(`DELETE FROM wl_reports WHERE grant_id = $1 AND NOT submitted`, [e.data.grantId]);
      await letter(sql, e.data.grantId, 'revocation', e.data.revokedOn);
      return;
    case 'ReportDeadlineSet':
      await sql.query(
        `UPDATE wl_reports SET deadline = $4 WHERE source = 'grant' AND office = $1 AND scheme = $2 AND year = $3 AND deadline = $5::date`,
        [e.data.office, e.data.scheme, e.data.year, e.data.deadline, e.data.previousDeadline],
      );
      return;
    case 'ReportDeadlineExtended':
      return moveDeadline(sql, grantReportIdOf(e.data.grantId, e.data.year), e.data.deadline);
    default:
      return;
  }
}

async function applyGrant(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(Grant, stored);
  const d = e.data;
  switch (e.type) {
    case 'GrantAccepted':
      await sql.query(`UPDATE wl_grants SET accepted = true WHERE grant_id = $1`, [d.grantId]);
      return;
    case 'GrantReportSubmitted': {
      const missing = e.data.coFinancingShortfall?.missing ?? null;
      await sql.query(`UPDATE wl_reports SET submitted = true, shortfall = $2, shortfall_open = $3 WHERE report_id = $1`, [
        grantReportIdOf(d.grantId, e.data.year),
        missing,
        missing !== null,
      ]);
      return;
    }
    case 'GrantReportApproved':
      await sql.query(`UPDATE wl_reports SET shortfall_open = false WHERE report_id = $1`, [grantReportIdOf(d.grantId, e.data.year)]);
      return;
    case 'RepaymentClaimed':
      if (e.data.year !== null)
        await sql.query(`UPDATE wl_reports SET shortfall_open = false WHERE report_id = $1`, [grantReportIdOf(d.grantId, e.data.year)]);
      await letter(sql, d.grantId, 'repayment_claim', e.data.claimedOn);
      return;
    default:
      return;
  }
}

async function applyAppeal(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(Appeal, stored);
  if (e.type === 'AppealLodged') {
    const d = e.data;
    await sql.query(`INSERT INTO wl_appeals VALUES ($1, $2, $3, $4, $5, 'lodged', $6, $7)`, [
      d.appealId,
      d.grantId,
      d.letter.n,
      d.office,
      d.appellantOrg,
      d.lodgedOn,
      d.late,
    ]);
    return;
  }
  const status = e.type === 'AppealForwarded' ? 'forwarded' : e.data.outcome;
  await sql.query(`UPDATE wl_appeals SET status = $2 WHERE appeal_id = $1`, [e.data.appealId, status]);
}

async function applyYrkesfag(stored: StoredEvent, sql: Sql): Promise<void> {
  const e = upcast(YrkesfagFrame, stored);
  switch (e.type) {
    case 'YrkesfagFrameSet':
      await sql.query(
        `INSERT INTO wl_reports (report_id, source, grant_id, scheme, year, recipient_org, recipient_name, office, deadline)
         VALUES ($1, 'yrkesfag', NULL, 'YRKESFAG', $2, $3, $4, NULL, $5) ON CONFLICT (report_id) DO NOTHING`,
        [yrkesfagReportIdOf(e.data.county, e.data.year), e.data.year, e.data.county, e.data.countyName, e.data.reportDeadline],
      );
      return;
    case 'YrkesfagReportDeadlineExtended':
      return moveDeadline(sql, yrkesfagReportIdOf(e.data.county, e.data.year), e.data.deadline);
    case 'YrkesfagReportSubmitted':
      await sql.query(`UPDATE wl_reports SET submitted = true WHERE report_id = $1`, [yrkesfagReportIdOf(e.data.county, e.data.year)]);
      return;
    default:
      return;
  }
}
