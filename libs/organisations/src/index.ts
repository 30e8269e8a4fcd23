export * from './organisation/organisation.aggregate.js';
export { placeOrganisation } from './organisation/placement.js';
export { factsRow } from './organisation/facts-row.js';
export * from './read-model/organisations/organisations.projection.js';
export * from './organisations.module.js';
export * from './read-model/organisations/organisation-names.js';
