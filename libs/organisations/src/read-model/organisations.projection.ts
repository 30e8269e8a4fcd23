import type { Projection } from '#libs/projections';
import type { OrganisationEvent } from '../domain/organisation.decider.js';

export const organisationsProjection: Projection = {
  name: 'organisations',
  version: 1,
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
  handles: ['OrganisationRegistered', 'OrganisationAmended'],
  async apply(stored, sql) {
    const e = { type: stored.type, data: stored.data } as OrganisationEvent;
    const d = e.data;
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
