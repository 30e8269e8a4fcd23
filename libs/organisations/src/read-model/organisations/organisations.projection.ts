import type { Projection } from '#libs/projections';
import { upcast } from '#libs/platform';
import { Organisation } from '../../organisation/organisation.aggregate.js';

/** The organisation directory (public facts), for every authenticated user. */
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
  handles: Object.keys(Organisation.eventTypes),
  apply(stored, sql) {
    return this.applyBatch!([stored], sql);
  },
  /** Every event carries the whole organisation: per organisation the last one wins, the first keeps the registration time. */
  async applyBatch(events, sql) {
    const rows = new Map<string, Record<string, unknown>>();
    for (const stored of events) {
      const { data: d } = upcast(Organisation, stored);
      const earlier = rows.get(d.orgNumber);
      rows.set(d.orgNumber, {
        org_number: d.orgNumber,
        name: d.name,
        kind: d.kind,
        municipality_number: d.municipalityNumber,
        county_number: d.countyNumber,
        office: d.office,
        registered_at: earlier?.registered_at ?? stored.metadata.recordedAt,
        version: stored.streamVersion,
      });
    }
    await sql.query(
      `INSERT INTO org_organisations (org_number, name, kind, municipality_number, county_number, office, registered_at, version)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(org_number text, name text, kind text, municipality_number text,
         county_number text, office text, registered_at timestamptz, version integer)
       ON CONFLICT (org_number) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         municipality_number = EXCLUDED.municipality_number, county_number = EXCLUDED.county_number,
         office = EXCLUDED.office, version = EXCLUDED.version`,
      [JSON.stringify([...rows.values()])],
    );
  },
};
