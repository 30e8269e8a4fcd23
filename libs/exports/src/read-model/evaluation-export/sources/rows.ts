import type { Sql } from '#libs/db';

/** `<OFFICE>.<SCHEME>.<measureId>.<recipientOrg>` (the grants capability's grant id). */
export function measureOfGrant(grantId: string): string {
  return grantId.split('.')[2];
}

/** Makes sure the row exists; office and scheme are filled in by whichever source knows them first. */
export async function ensureRow(
  sql: Sql,
  measureId: string,
  org: string,
  year: number,
  office: string | null,
  scheme: string | null,
): Promise<void> {
  await sql.query(
    `INSERT INTO ex_rows (measure_id, recipient_org, year, office, scheme) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (measure_id, recipient_org, year) DO UPDATE SET office = COALESCE(ex_rows.office, EXCLUDED.office), scheme = COALESCE(ex_rows.scheme, EXCLUDED.scheme)`,
    [measureId, org, year, office, scheme],
  );
}
