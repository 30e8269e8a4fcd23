import type { Sql } from '#libs/db';
import { queryPage, type Page, type PageRequest, type SortKey } from '#libs/http';
import { MEASURE_TITLES } from '#libs/needs-assessments';
import { ORGANISATION_NAMES } from '#libs/organisations';
import { namesTable, officeNameSql } from '#libs/projections';
import type { AppealRow } from './appeals.view.js';

/** The appeals read model's own names: organisations' from their events, measures' titles from the assessments'. */
export const APPEAL_ORG_NAMES = namesTable('ap_org_names', ORGANISATION_NAMES);
export const APPEAL_MEASURE_TITLES = namesTable('ap_measure_titles', MEASURE_TITLES);

export const RM = ['appeals'];

const SELECT = `SELECT appeal_id AS "appealId", grant_id AS "grantId", office, ${officeNameSql('office')} AS "officeName", scheme,
  measure_id AS "measureId", ${APPEAL_MEASURE_TITLES.nameOf('measure_id')} AS "measureTitle", recipient_org AS "recipientOrg",
  ${APPEAL_ORG_NAMES.nameOf('recipient_org')} AS "recipientName", appellant_org AS "appellantOrg",
  ${APPEAL_ORG_NAMES.nameOf('appellant_org')} AS "appellantName", standing, letter_n AS letter, letter_kind AS "letterKind", to_char(letter_date, 'YYYY-MM-DD') AS "letterDate",
  case_number AS "caseNumber", to_char(lodged_on, 'YYYY-MM-DD') AS "lodgedOn", to_char(deadline, 'YYYY-MM-DD') AS deadline, late, status,
  governor_outcome AS "governorOutcome", udir_outcome AS "udirOutcome", remedy_grant_id AS "remedyGrantId", version FROM ap_appeals`;

export interface AppealFilter {
  office?: string;
  status?: string;
  appellantOrg?: string;
  grantId?: string;
}

const WHERE = `WHERE ($1::text IS NULL OR office = $1)
       AND ($2::text IS NULL OR status = $2 OR ($2 = 'open' AND status IN ('lodged', 'forwarded')))
       AND ($3::text IS NULL OR appellant_org = $3) AND ($4::text IS NULL OR grant_id = $4 OR remedy_grant_id = $4)`;
const params = (f: AppealFilter) => [f.office ?? null, f.status ?? null, f.appellantOrg ?? null, f.grantId ?? null];

export async function appeals(sql: Sql, f: AppealFilter): Promise<AppealRow[]> {
  return (await sql.query<AppealRow>(`${SELECT} ${WHERE} ORDER BY lodged_on, appeal_id`, params(f))).rows;
}

const KEY: SortKey[] = [
  { expr: '"lodgedOn"', type: 'text' },
  { expr: '"appealId"', type: 'text' },
];

/** A page of appeals, in the order of `appeals` (lodged on, then the appeal id). */
export function appealsPage(sql: Sql, f: AppealFilter, page: PageRequest): Promise<Page<AppealRow>> {
  return queryPage<AppealRow>(sql, page, { select: `${SELECT} ${WHERE}`, params: params(f), key: KEY });
}
