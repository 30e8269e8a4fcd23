import type { Sql } from '#libs/db';
import { Organisation, type OrganisationFacts } from '#libs/organisations';
import { sourceOf } from './source.js';

const UPSERT = `INSERT INTO ex_orgs (org_number, name, kind, municipality_number, county_number, office)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(org_number text, name text, kind text, municipality_number text, county_number text, office text)
  ON CONFLICT (org_number) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, municipality_number = EXCLUDED.municipality_number,
    county_number = EXCLUDED.county_number, office = EXCLUDED.office`;

const rowOf = (d: OrganisationFacts) => ({
  org_number: d.orgNumber,
  name: d.name,
  kind: d.kind,
  municipality_number: d.municipalityNumber,
  county_number: d.countyNumber,
  office: d.office,
});

/** Upserts an organisation; every event carries the whole organisation, so the latest wins. */
async function upsertOrganisation(sql: Sql, facts: OrganisationFacts): Promise<void> {
  await sql.query(UPSERT, [JSON.stringify([rowOf(facts)])]);
}

/** R19: the recipient's name, kind, municipality and county. */
export const organisationEvents = sourceOf(Organisation, {
  OrganisationRegistered: ({ data }, sql) => upsertOrganisation(sql, data),
  OrganisationAmended: ({ data }, sql) => upsertOrganisation(sql, data),
});
