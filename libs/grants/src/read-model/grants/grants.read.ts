import type { Sql } from '#libs/db';
import { Page, queryPage, type PageRequest, type SortKey } from '#libs/http';
import { officeNameSql } from '#libs/projections';
import { GRANT_MEASURE_TITLES, GRANT_ORG_NAMES } from './grants.names.js';
import type { ClaimView, FrameView, GrantView, GrantYearView, PaymentView } from './grants.view.js';

/** The read model's name, for ReadModels.run (read-your-writes and as-of). */
export const RM = ['grants'];

const n = (col: string, as: string) => `(${col})::float8 AS "${as}"`;
const frameSum = (what: string, cond: string, as: string) =>
  n(`COALESCE((SELECT SUM(y.${what}) FROM gr_grant_years y WHERE y.office = f.office AND y.scheme = f.scheme AND ${cond}), 0)`, as);

const FRAME_SELECT = `
  SELECT f.office, ${officeNameSql('f.office')} AS "officeName", f.scheme, f.year, ${n('f.amount', 'frame')}, f.adjustments, COALESCE(l.version, f.ledger_version) AS version,
    ${frameSum('decided', 'y.year = f.year AND y.active AND y.decision_year < f.year', 'committedFromEarlierYears')},
    ${frameSum('decided', 'y.year = f.year AND y.active AND y.decision_year = f.year', 'decidedThisYear')},
    ${frameSum('decided', 'y.decision_year = f.year AND y.active AND y.year > f.year', 'committedToLaterYears')},
    ${frameSum('paid', 'y.year = f.year', 'paid')},
    ${frameSum('claimed', 'y.year = f.year', 'repaymentClaimed')},
    ${frameSum('repaid', 'y.year = f.year', 'repaid')}
  FROM gr_frames f LEFT JOIN gr_ledgers l ON l.office = f.office AND l.scheme = f.scheme`;

type FrameFilter = { office?: string; scheme?: string; year?: number };
const FRAME_WHERE = `WHERE ($1::text IS NULL OR f.office = $1) AND ($2::text IS NULL OR f.scheme = $2) AND ($3::int IS NULL OR f.year = $3)`;
const frameParams = (filter: FrameFilter) => [filter.office ?? null, filter.scheme ?? null, filter.year ?? null];
const withFree = (f: Omit<FrameView, 'free'>): FrameView => ({ ...f, free: f.frame - f.committedFromEarlierYears - f.decidedThisYear });

export async function frames(sql: Sql, filter: FrameFilter): Promise<FrameView[]> {
  const r = await sql.query<Omit<FrameView, 'free'>>(
    `${FRAME_SELECT} ${FRAME_WHERE} ORDER BY f.year, f.office, f.scheme`,
    frameParams(filter),
  );
  return r.rows.map(withFree);
}

/** A page of frames, by year, office and scheme (the frame's key). */
export async function framesPage(sql: Sql, filter: FrameFilter, page: PageRequest): Promise<Page<FrameView>> {
  const key: SortKey[] = [
    { expr: 'year', type: 'int' },
    { expr: 'office', type: 'text' },
    { expr: 'scheme', type: 'text' },
  ];
  return (
    await queryPage<Omit<FrameView, 'free'>>(sql, page, { select: `${FRAME_SELECT} ${FRAME_WHERE}`, params: frameParams(filter), key })
  ).map(withFree);
}

export interface GrantFilter {
  grantId?: string;
  office?: string;
  scheme?: string;
  decisionYear?: number;
  recipientOrg?: string;
}

const GRANT_SELECT = `SELECT g.grant_id AS "grantId", g.office, ${officeNameSql('g.office')} AS "officeName", g.scheme, g.decision_year AS "decisionYear", g.call_id AS "callId", g.measure_id AS "measureId",
  ${GRANT_MEASURE_TITLES.nameOf('g.measure_id')} AS "measureTitle", g.recipient_org AS "recipientOrg",
  ${GRANT_ORG_NAMES.nameOf('g.recipient_org')} AS "recipientName", g.recipient_kind AS "recipientKind", g.status, g.basis, g.recommendation_id AS "recommendationId",
  g.deviates, g.deviation_reason AS "deviationReason", g.rule_set_version AS "ruleSetVersion", to_char(g.decided_on, 'YYYY-MM-DD') AS "decidedOn",
  to_char(g.decision_date, 'YYYY-MM-DD') AS "decisionDate", g.amendments, g.revocation_reason AS "revocationReason", g.warnings,
  to_char(g.accepted_on, 'YYYY-MM-DD') AS "acceptedOn", g.decision_changes + g.grant_version AS version, g.ledger_version AS "decisionVersion"
  FROM gr_grants g`;

const YEAR_SELECT = `SELECT grant_id AS "grantId", year, ${n('recommended', 'recommended')}, ${n('decided', 'decided')}, ${n('co_fin_required', 'coFinancingRequired')},
  ${n('co_fin_committed', 'coFinancingCommitted')}, ${n('co_fin_documented', 'coFinancingDocumented')}, ${n('shortfall', 'coFinancingShortfall')},
  ${n('paid', 'paid')}, to_char(report_deadline, 'YYYY-MM-DD') AS "reportDeadline", report_status AS "reportStatus",
  (accepted AND active AND decided > 0 AND report_status = 'due' AND report_deadline < $2::date) AS "reportOverdue",
  to_char(report_submitted_on, 'YYYY-MM-DD') AS "reportSubmittedOn", report_late AS "reportLate", report,
  ${n('claimed', 'repaymentClaimed')}, ${n('repaid', 'repaid')}
  FROM gr_grant_years WHERE grant_id = ANY($1::text[]) ORDER BY grant_id, year`;

const PAYMENT_SELECT = `SELECT grant_id AS "grantId", payment_id AS "paymentId", year, ${n('amount', 'amount')}, to_char(paid_on, 'YYYY-MM-DD') AS "paidOn"
  FROM gr_payments WHERE grant_id = ANY($1::text[]) ORDER BY recorded_at, payment_id`;

const CLAIM_SELECT = `SELECT grant_id AS "grantId", claim_id AS "claimId", year, ${n('amount', 'amount')}, reason, to_char(claimed_on, 'YYYY-MM-DD') AS "claimedOn", ${n('settled', 'settled')}
  FROM gr_claims WHERE grant_id = ANY($1::text[]) ORDER BY claimed_on, claim_id`;

type Of<T> = T & { grantId: string };
const ownedBy = <T>(rows: Of<T>[], grantId: string): T[] => rows.filter((r) => r.grantId === grantId).map(({ grantId: _, ...r }) => r as T);

type GrantRow = Omit<GrantView, 'years' | 'payments' | 'claims'>;

const GRANT_WHERE = `WHERE ($1::text IS NULL OR g.grant_id = $1) AND ($2::text IS NULL OR g.office = $2) AND ($3::text IS NULL OR g.scheme = $3)
    AND ($4::int IS NULL OR g.decision_year = $4) AND ($5::text IS NULL OR g.recipient_org = $5)`;
const grantParams = (filter: GrantFilter) => [
  filter.grantId ?? null,
  filter.office ?? null,
  filter.scheme ?? null,
  filter.decisionYear ?? null,
  filter.recipientOrg ?? null,
];

/** Grants with their years, payments and claims; `today` decides which reports are overdue (R15). */
export async function grants(sql: Sql, filter: GrantFilter, today: string): Promise<GrantView[]> {
  const rows = (
    await sql.query<GrantRow>(
      `${GRANT_SELECT} ${GRANT_WHERE} ORDER BY g.decision_year, g.office, g.recipient_org, g.measure_id, g.grant_id`,
      grantParams(filter),
    )
  ).rows;
  return withDetails(sql, rows, today);
}

const GRANT_KEY: SortKey[] = [
  { expr: '"decisionYear"', type: 'int' },
  { expr: 'office', type: 'text' },
  { expr: '"recipientOrg"', type: 'text' },
  { expr: '"measureId"', type: 'text' },
  { expr: '"grantId"', type: 'text' },
];

/** A page of grants in the same order as `grants` (decision year, office, recipient, measure; the grant id last). */
export async function grantsPage(sql: Sql, filter: GrantFilter, today: string, page: PageRequest): Promise<Page<GrantView>> {
  const rows = await queryPage<GrantRow>(sql, page, {
    select: `${GRANT_SELECT} ${GRANT_WHERE}`,
    params: grantParams(filter),
    key: GRANT_KEY,
  });
  return new Page(await withDetails(sql, rows.items, today), rows.next);
}

async function withDetails(sql: Sql, rows: GrantRow[], today: string): Promise<GrantView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.grantId);
  const years = (await sql.query<Of<GrantYearView>>(YEAR_SELECT, [ids, today])).rows;
  const payments = (await sql.query<Of<PaymentView>>(PAYMENT_SELECT, [ids])).rows;
  const claims = (await sql.query<Of<Omit<ClaimView, 'outstanding'>>>(CLAIM_SELECT, [ids])).rows;
  return rows.map((g) => ({
    ...g,
    years: ownedBy(years, g.grantId),
    payments: ownedBy(payments, g.grantId),
    claims: ownedBy(claims, g.grantId).map((c) => ({ ...c, outstanding: c.amount - c.settled })),
  }));
}

/** An organisation's name as this read model knows it (null when no organisation event named it). */
export async function nameOfOrg(sql: Sql, org: string): Promise<string | null> {
  return (await sql.query<{ name: string | null }>(`SELECT ${GRANT_ORG_NAMES.nameOf('$1')} AS name`, [org])).rows[0].name;
}
