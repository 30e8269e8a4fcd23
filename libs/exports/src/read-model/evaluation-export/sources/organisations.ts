import type { Sql } from '#libs/db';
import type { StoredEvent } from '#libs/event-store';
import { writeWholeRow, type WholeRowTable } from '#libs/projections';
import { factsRow, Organisation, type OrganisationFacts } from '#libs/organisations';
import { sourceOf } from './source.js';

/** The export's organisations, written as a set with the rest of a run (every event tells the whole organisation). */
const ORG_ROWS: WholeRowTable = {
  table: 'ex_orgs',
  key: ['org_number'],
  columns: { org_number: 'text', name: 'text', kind: 'text', municipality_number: 'text', county_number: 'text', office: 'text' },
};

/** Upserts an organisation; every event carries the whole organisation, so the latest wins. */
function upsertOrganisation(sql: Sql, facts: OrganisationFacts, stored: StoredEvent): Promise<void> {
  return writeWholeRow(sql, ORG_ROWS, factsRow(facts), stored.globalPosition);
}

/** R19: the recipient's name, kind, municipality and county. */
export const organisationEvents = sourceOf(Organisation, {
  OrganisationRegistered: ({ data }, sql, stored) => upsertOrganisation(sql, data, stored),
  OrganisationAmended: ({ data }, sql, stored) => upsertOrganisation(sql, data, stored),
});
