export * from './frame-ledger/frame-ledger.aggregate.js';
export { frameUse, chargedTo, reportDeadlineFor, requiredCoFinancing, DEFAULT_REPORT_DEADLINE } from './frame-ledger/frame-ledger.rules.js';
export * from './grant/grant.aggregate.js';
export * from './shared/grant-id.js';
export * from './read-model/grants/grants.projection.js';
export type * from './read-model/grants/grants.view.js';
export * from './grants.module.js';
