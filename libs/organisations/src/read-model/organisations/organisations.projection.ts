import { writeWholeRow, type Projection, type WholeRowTable } from '#libs/projections';
import { upcast } from '#libs/platform';
import { factsRow } from '../../organisation/facts-row.js';
import { Organisation } from '../../organisation/organisation.aggregate.js';

/** The directory's rows, written as a set with the rest of a run (every event tells the whole organisation). */
const ORGANISATION_ROWS: WholeRowTable = {
  table: 'org_organisations',
  key: ['org_number'],
  columns: {
    org_number: 'text',
    name: 'text',
    kind: 'text',
    municipality_number: 'text',
    county_number: 'text',
    office: 'text',
    registered_at: 'timestamptz',
    version: 'integer',
  },
  keep: ['registered_at'],
};

/** The organisation directory (public facts), for every authenticated user. */
export const organisationsProjection: Projection = {
  name: 'organisations',
  version: 2,
  schema: `
    CREATE TABLE org_organisations (
      org_number text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL,
      municipality_number text,
      county_number text,
      office text,
      registered_at timestamptz NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX org_by_office ON org_organisations (office, kind);`,
  handles: Object.keys(Organisation.eventTypes),
  /** Every event carries the whole organisation: the latest wins, the first keeps the registration time. */
  async apply(stored, sql) {
    const { data: d } = upcast(Organisation, stored);
    const row = { ...factsRow(d), registered_at: stored.metadata.recordedAt, version: stored.streamVersion };
    await writeWholeRow(sql, ORGANISATION_ROWS, row, stored.globalPosition);
  },
};
