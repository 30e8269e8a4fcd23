export * from './domain/frame-ledger.decider.js';
export * from './domain/grant.decider.js';
export * from './domain/grant-id.js';
export * from './read-model/grants.projection.js';
export { GrantsClock } from './application/facts.js';
export * from './grants.module.js';
