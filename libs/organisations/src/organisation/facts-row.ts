import type { OrganisationFacts } from './organisation.aggregate.js';

/** An organisation's public facts as the columns a read model keeps them in (the directory's, the export's). */
export const factsRow = (d: OrganisationFacts) => ({
  org_number: d.orgNumber,
  name: d.name,
  kind: d.kind,
  municipality_number: d.municipalityNumber,
  county_number: d.countyNumber,
  office: d.office,
});
