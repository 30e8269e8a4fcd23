import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { Organisation, type OrganisationFacts } from '#libs/organisations';
import { upcast } from '#libs/platform';
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

/** Upserts organisations; every event carries the whole organisation, so per org the last one wins. */
export async function upsertOrganisations(sql: Sql, facts: Iterable<OrganisationFacts>): Promise<void> {
  const rows = new Map<string, ReturnType<typeof rowOf>>();
  for (const d of facts) rows.set(d.orgNumber, rowOf(d));
  if (rows.size > 0) await sql.query(UPSERT, [JSON.stringify([...rows.values()])]);
}

/** R19: the recipient's name, kind, municipality and county. */
export const organisationEvents = sourceOf(Organisation, {
  OrganisationRegistered: ({ data }, sql) => upsertOrganisations(sql, [data]),
  OrganisationAmended: ({ data }, sql) => upsertOrganisations(sql, [data]),
});

export const isOrganisationEvent = (stored: StoredEvent) => stored.type in Organisation.eventTypes;
export const organisationFactsOf = (stored: StoredEvent): OrganisationFacts => upcast(Organisation, stored).data;
