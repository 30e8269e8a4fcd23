import type { Sql } from '#libs/db';
import { COLUMNS, isNumeric, MEMBER_COLUMN, OFFICE_COLUMNS, type ExportRow } from './columns.js';

export interface ExportFilter {
  year?: number;
  scheme?: string;
  office?: string;
}

/**
 * Rows per keyset page: memory stays flat however many rows there are (both backends). The next page is read while
 * one is written (`streamRawRows`), so a page's planning and round trip cost little; a small page's rows are
 * garbage before the young generation is collected twice, so they are never promoted. Measured on 102 000 rows
 * (CSV through the CLI): peak RSS 175 MB at 500 rows a page, 250 MB at 1 000, 370 MB at 5 000, at the same speed.
 * (A page of 10 000 rows would also cross PostgreSQL's jit_above_cost: compiling it took ≈ 0.4 s a page.)
 */
export const PAGE_SIZE = 500;

const COLUMNS_SQL = `
  SELECT r.year, r.scheme, COALESCE(r.rule_set_version, a.rule_set_version, c.rule_set_version) AS "ruleSetVersion", r.office,
    o.county_number AS "countyNumber", a.call_id AS "callId", a.network, a.lead_owner AS "leadOwner", a.assessment_id AS "assessmentId",
    a.title AS "assessmentTitle", a.status AS "assessmentStatus", a.late AS "assessmentLate",
    r.measure_id AS "measureId", m.title AS "measureTitle", a.themes, r.recipient_org AS "recipientOrg", o.name AS "recipientName",
    COALESCE(o.kind, r.recipient_kind) AS "recipientKind", o.municipality_number AS "municipalityNumber",
    m.university_org AS "universityPartner",
    CASE WHEN m.university_org IS NULL THEN NULL ELSE COALESCE(p.status, 'requested') END AS "universityPartnerStatus",
    m.university_local AS "universityLocal",
    (SELECT string_agg((s->>'orgNumber') || ':' || (s->>'sharePercent') || '%', ';') FROM jsonb_array_elements(p.subcontractors) s) AS subcontractors,
    m.schools, m.teachers, m.leaders, m.other_staff AS "otherStaff", m.start_year AS "startYear", m.span_years AS "spanYears",
    CASE WHEN m.start_year IS NULL THEN NULL ELSE r.year - m.start_year + 1 END AS "yearIndex",
    r.requested::float8 AS requested, r.coordinator::float8 AS coordinator, r.planned_co_financing::float8 AS "plannedCoFinancing",
    r.recommended::float8 AS recommended, r.recommendation_id AS "recommendationId", to_char(r.recommended_on, 'YYYY-MM-DD') AS "recommendedOn",
    r.grant_id AS "grantId", r.decision_status AS "decisionStatus", r.decision_basis AS "decisionBasis", r.decision_year AS "decisionYear",
    to_char(r.decided_on, 'YYYY-MM-DD') AS "decidedOn", r.amendments AS "decisionAmendments", r.granted::float8 AS granted,
    r.deviates AS "departsFromRecommendation", r.deviation_reason AS "deviationReason",
    r.co_fin_required::float8 AS "coFinancingRequired", r.co_fin_committed::float8 AS "coFinancingCommitted", to_char(r.accepted_on, 'YYYY-MM-DD') AS "acceptedOn",
    r.paid::float8 AS paid, to_char(r.last_paid_on, 'YYYY-MM-DD') AS "lastPaidOn",
    r.report_status AS "reportStatus", to_char(r.report_deadline, 'YYYY-MM-DD') AS "reportDeadline",
    to_char(r.report_submitted_on, 'YYYY-MM-DD') AS "reportSubmittedOn", r.report_late AS "reportLate", to_char(r.report_approved_on, 'YYYY-MM-DD') AS "reportApprovedOn",
    r.spent::float8 AS spent, r.unspent::float8 AS unspent, r.co_fin_documented::float8 AS "coFinancingDocumented",
    r.co_fin_salary_time::float8 AS "coFinancingSalaryOrTime", r.reported_participants AS "reportedParticipants",
    r.claimed::float8 AS claimed, r.repaid::float8 AS repaid, r.evaluation,
    COALESCE(ap.appeals, 0) AS appeals, ap.status AS "appealStatus", to_char(ap.lodged_on, 'YYYY-MM-DD') AS "appealLodgedOn", ap.late AS "appealLate",
    to_char(ap.outcome_on, 'YYYY-MM-DD') AS "appealOutcomeOn", r.provider_kind AS "providerKind", r.provider_org AS "providerOrg"
`;

/**
 * What a row is joined with (after `ex_rows r`). The appeals as one set (the latest per measure and appellant, and
 * how many): a LATERAL subquery per row cost three times the rest of a page (7.3 ms against 2.2 ms for 500 rows);
 * appeals are few, so reading them all for a page costs little.
 */
const JOINS = `
  LEFT JOIN ex_measures m ON m.measure_id = r.measure_id
  LEFT JOIN ex_assessments a ON a.assessment_id = m.assessment_id
  LEFT JOIN ex_calls c ON c.call_id = a.call_id
  LEFT JOIN ex_orgs o ON o.org_number = r.recipient_org
  LEFT JOIN ex_partnerships p ON p.measure_id = r.measure_id AND p.university = m.university_org
  LEFT JOIN (
    SELECT DISTINCT ON (x.measure_id, x.appellant_org) x.measure_id, x.appellant_org, x.status, x.lodged_on, x.late, x.outcome_on,
      count(*) OVER (PARTITION BY x.measure_id, x.appellant_org)::int AS appeals
    FROM ex_appeals x ORDER BY x.measure_id, x.appellant_org, x.lodged_on DESC, x.appeal_id DESC
  ) ap ON ap.measure_id = r.measure_id AND ap.appellant_org = r.recipient_org`;

/** Values of bigint columns come as float8 (whole kroner stay exact below 2^53); the order of keys is COLUMNS'. */
export function normalise(raw: Record<string, unknown>): ExportRow {
  const row: ExportRow = {};
  for (const c of COLUMNS) {
    const v = raw[c.key];
    row[c.key] = v === undefined || v === null ? null : isNumeric(c) ? Number(v) : (v as string | number | boolean);
  }
  return row;
}

/** A row as the query gives it: every column of COLUMNS by its key (numbers of bigint columns as float8), and the key's parts. */
export type RawExportRow = Record<string, unknown>;

type RowKey = [measureId: string, recipientOrg: string, year: number];

const keyOf = (row: RawExportRow): RowKey => [row.measureId as string, row.recipientOrg as string, Number(row.year)];

const FILTERS = `($4::int IS NULL OR r.year = $4) AND ($5::text IS NULL OR r.scheme = $5) AND ($6::text IS NULL OR r.office = $6)`;

/** Keys walked at most for one filtered page (the key walk reads no more than its rows' keys and filter columns). */
export const WALK = 10 * PAGE_SIZE;

/**
 * A filtered page's keys: of the next WALK keys after $1..$3 in key order (a walk of the primary key that no
 * filter's selectivity can turn into a sort of the whole table), the first PAGE_SIZE whose rows pass the filter;
 * when fewer pass, also the walk's last key, with how many keys were walked (`walked`; null on a passing key).
 */
const pageKeys = (extraWhere: string) => `
  WITH w AS MATERIALIZED (
    SELECT r.measure_id, r.recipient_org, r.year, (${FILTERS} ${extraWhere}) AS passes FROM ex_rows r
     WHERE (r.measure_id, r.recipient_org, r.year) > ($1, $2, $3) ORDER BY r.measure_id, r.recipient_org, r.year LIMIT ${WALK}
  ), p AS (SELECT measure_id, recipient_org, year FROM w WHERE passes ORDER BY measure_id, recipient_org, year LIMIT ${PAGE_SIZE})
  SELECT measure_id, recipient_org, year, NULL::int AS walked FROM p
  UNION ALL
  SELECT * FROM (SELECT measure_id, recipient_org, year, (SELECT count(*) FROM w)::int FROM w ORDER BY measure_id DESC, recipient_org DESC, year DESC LIMIT 1) last
   WHERE (SELECT count(*) FROM p) < ${PAGE_SIZE}
  ORDER BY walked NULLS FIRST, measure_id, recipient_org, year`;

/** A page's rows, and the key the next page starts after (none after the last page). */
interface Page {
  rows: RawExportRow[];
  next: RowKey | null;
}

/**
 * Reads a page. Unfiltered: the next PAGE_SIZE rows in key order (an index scan of the primary key). Filtered: the
 * next PAGE_SIZE keys, then the rows of those that pass the filter, looked up by key — so a filter the planner
 * thinks rare (the 360Giving one, or any before the table has statistics, as after a rebuild) cannot make it sort
 * the whole table for every page, as a LIMIT over the filtered rows did (17 s for 34 000 grants).
 */
function pageReader(sql: Sql, filter: ExportFilter, extraWhere: string): (from: RowKey) => Promise<Page> {
  const filters = [filter.year ?? null, filter.scheme ?? null, filter.office ?? null];
  if (filters.every((f) => f === null) && extraWhere === '')
    return async (from) => {
      const sorted = `ORDER BY r.measure_id, r.recipient_org, r.year LIMIT ${PAGE_SIZE}`;
      const rows = (
        await sql.query<RawExportRow>(
          `${COLUMNS_SQL} FROM ex_rows r ${JOINS} WHERE (r.measure_id, r.recipient_org, r.year) > ($1, $2, $3) ${sorted}`,
          from,
        )
      ).rows;
      return { rows, next: rows.length < PAGE_SIZE ? null : keyOf(rows[rows.length - 1]) };
    };
  const walk = pageKeys(extraWhere);
  return async (from) => {
    const keys = (
      await sql.query<{ measure_id: string; recipient_org: string; year: number; walked: number | null }>(walk, [...from, ...filters])
    ).rows;
    const passing = keys.filter((k) => k.walked === null);
    const end = keys.find((k) => k.walked !== null); // fewer than PAGE_SIZE passed: where the walk ended
    const last = end ?? passing[passing.length - 1];
    const next: RowKey | null = !last || (end && end.walked! < WALK) ? null : [last.measure_id, last.recipient_org, last.year];
    if (passing.length === 0) return { rows: [], next };
    const rows = (
      await sql.query<RawExportRow>(
        `${COLUMNS_SQL}
         FROM unnest($1::text[], $2::text[], $3::int[]) AS k(measure_id, recipient_org, year)
         JOIN ex_rows r ON r.measure_id = k.measure_id AND r.recipient_org = k.recipient_org AND r.year = k.year ${JOINS}
         ORDER BY r.measure_id, r.recipient_org, r.year`,
        [passing.map((k) => k.measure_id), passing.map((k) => k.recipient_org), passing.map((k) => k.year)],
      )
    ).rows;
    return { rows, next };
  };
}

/**
 * Streams the export's rows in key order (measure, recipient, year) page by page (`pageReader`), as the query
 * gives them (`normalise` makes an ExportRow of one). While `onPage` handles a page the next one is read, and no
 * further one: a slow consumer slows the reading down, and at most two pages are held. Returns the row count.
 */
export async function streamRawRows(
  sql: Sql,
  filter: ExportFilter,
  onPage: (rows: RawExportRow[]) => Promise<void>,
  extraWhere = '',
): Promise<number> {
  const pageAfter = pageReader(sql, filter, extraWhere);
  let count = 0;
  let page = await pageAfter(['', '', -1]);
  for (;;) {
    const next = page.next ? pageAfter(page.next) : undefined;
    // Handled now: it may fail while `onPage` runs (and is not awaited at all when `onPage` throws).
    next?.catch(() => undefined);
    if (page.rows.length > 0) {
      count += page.rows.length;
      await onPage(page.rows);
    }
    if (!next) return count;
    page = await next;
  }
}

/** The export's rows streamed as ExportRows (`streamRawRows`, each row normalised). */
export function streamRows(sql: Sql, filter: ExportFilter, onPage: (rows: ExportRow[]) => Promise<void>, extraWhere = ''): Promise<number> {
  return streamRawRows(sql, filter, (rows) => onPage(rows.map(normalise)), extraWhere);
}

export async function countRows(sql: Sql, filter: ExportFilter): Promise<number> {
  const r = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ex_rows r WHERE ($1::int IS NULL OR r.year = $1) AND ($2::text IS NULL OR r.scheme = $2) AND ($3::text IS NULL OR r.office = $3)`,
    [filter.year ?? null, filter.scheme ?? null, filter.office ?? null],
  );
  return Number(r.rows[0].n);
}

export type OfficeYear = Record<string, string | number | null>;

/**
 * Per office, scheme and year (R9, R11, R18): the frame, commitments of earlier years' decisions, this year's
 * decisions, the free rest, paid and repaid, and the office's forum members by category during the year
 * (joined on or before 31 December and not left before 1 January). Small (offices × schemes × years): in memory.
 */
export async function officeYears(sql: Sql, filter: ExportFilter): Promise<OfficeYear[]> {
  const params = [filter.year ?? null, filter.scheme ?? null, filter.office ?? null];
  const money = (
    await sql.query<Record<string, unknown>>(
      `WITH f AS (
         SELECT office, scheme, year FROM ex_frames
         UNION SELECT DISTINCT office, scheme, year FROM ex_rows WHERE office IS NOT NULL AND scheme IS NOT NULL
       ), m AS (
         SELECT office, scheme, year,
           COALESCE(sum(granted) FILTER (WHERE decision_status = 'active' AND decision_year < year), 0)::float8 AS committed,
           COALESCE(sum(granted) FILTER (WHERE decision_status = 'active' AND decision_year = year), 0)::float8 AS decided,
           sum(requested)::float8 AS requested, COALESCE(sum(recommended), 0)::float8 AS recommended,
           sum(paid)::float8 AS paid, sum(repaid)::float8 AS repaid
         FROM ex_rows GROUP BY office, scheme, year
       )
       SELECT f.office, f.scheme, f.year, fr.amount::float8 AS frame, COALESCE(m.committed, 0) AS committed, COALESCE(m.decided, 0) AS decided,
         COALESCE(m.requested, 0) AS requested, COALESCE(m.recommended, 0) AS recommended, COALESCE(m.paid, 0) AS paid, COALESCE(m.repaid, 0) AS repaid
       FROM f
       LEFT JOIN ex_frames fr ON fr.office = f.office AND fr.scheme = f.scheme AND fr.year = f.year
       LEFT JOIN m ON m.office = f.office AND m.scheme = f.scheme AND m.year = f.year
       WHERE ($1::int IS NULL OR f.year = $1) AND ($2::text IS NULL OR f.scheme = $2) AND ($3::text IS NULL OR f.office = $3)
       ORDER BY f.office, f.scheme, f.year`,
      params,
    )
  ).rows;
  const members = (
    await sql.query<{ office: string; year: number; category: string; n: number }>(
      `SELECT y.office, y.year, fm.category, count(*)::int AS n
       FROM (SELECT DISTINCT office, year FROM ex_frames UNION SELECT DISTINCT office, year FROM ex_rows WHERE office IS NOT NULL) y
       JOIN ex_forum_members fm ON fm.office = y.office
         AND fm.joined_on <= make_date(y.year, 12, 31) AND (fm.left_on IS NULL OR fm.left_on > make_date(y.year, 1, 1))
       GROUP BY y.office, y.year, fm.category`,
    )
  ).rows;
  return money.map((m) => {
    const frame = m.frame === null ? null : Number(m.frame);
    const committed = Number(m.committed);
    const decided = Number(m.decided);
    const out: OfficeYear = {
      office: m.office as string,
      scheme: m.scheme as string,
      year: Number(m.year),
      frame,
      committedFromEarlierYears: committed,
      decided,
      free: frame === null ? null : frame - committed - decided,
      requested: Number(m.requested),
      recommended: Number(m.recommended),
      paid: Number(m.paid),
      repaid: Number(m.repaid),
    };
    for (const col of Object.values(MEMBER_COLUMN)) out[col] = 0;
    for (const x of members)
      if (x.office === out.office && Number(x.year) === out.year && MEMBER_COLUMN[x.category]) out[MEMBER_COLUMN[x.category]] = Number(x.n);
    // keep OFFICE_COLUMNS' order
    return Object.fromEntries(OFFICE_COLUMNS.map((c) => [c.key, out[c.key] ?? null]));
  });
}
