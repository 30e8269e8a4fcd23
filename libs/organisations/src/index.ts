export * from './domain/organisation.decider.js';
export * from './read-model/organisations.projection.js';
export * from './organisations.module.js';
