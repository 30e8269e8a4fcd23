import type { Projection } from '#libs/projections';
import { upcast } from '#libs/platform';
import { Organisation } from '../../organisation/organisation.aggregate.js';

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
    await sql.query(
      `INSERT INTO org_organisations (org_number, name, kind, municipality_number, county_number, office, registered_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (org_number) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         municipality_number = EXCLUDED.municipality_number, county_number = EXCLUDED.county_number,
         office = EXCLUDED.office, version = EXCLUDED.version`,
      [d.orgNumber, d.name, d.kind, d.municipalityNumber, d.countyNumber, d.office, stored.metadata.recordedAt, stored.streamVersion],
    );
  },
};
