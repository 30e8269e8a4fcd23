import type { Sql } from '#libs/db';
import type { AppealRow } from './appeals.view.js';

export const RM = ['appeals'];

const SELECT = `SELECT appeal_id AS "appealId", grant_id AS "grantId", office, scheme, measure_id AS "measureId", recipient_org AS "recipientOrg",
  appellant_org AS "appellantOrg", standing, letter_n AS letter, letter_kind AS "letterKind", to_char(letter_date, 'YYYY-MM-DD') AS "letterDate",
  case_number AS "caseNumber", to_char(lodged_on, 'YYYY-MM-DD') AS "lodgedOn", to_char(deadline, 'YYYY-MM-DD') AS deadline, late, status,
  governor_outcome AS "governorOutcome", udir_outcome AS "udirOutcome", remedy_grant_id AS "remedyGrantId", version FROM ap_appeals`;

export interface AppealFilter {
  office?: string;
  status?: string;
  appellantOrg?: string;
  grantId?: string;
}

export async function appeals(sql: Sql, f: AppealFilter): Promise<AppealRow[]> {
  const r = await sql.query<AppealRow>(
    `${SELECT} WHERE ($1::text IS NULL OR office = $1)
       AND ($2::text IS NULL OR status = $2 OR ($2 = 'open' AND status IN ('lodged', 'forwarded')))
       AND ($3::text IS NULL OR appellant_org = $3) AND ($4::text IS NULL OR grant_id = $4 OR remedy_grant_id = $4)
     ORDER BY lodged_on, appeal_id`,
    [f.office ?? null, f.status ?? null, f.appellantOrg ?? null, f.grantId ?? null],
  );
  return r.rows;
}
