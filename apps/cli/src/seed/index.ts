export { runSeed, type RunOptions, type SeedResult } from './run.js';
export { buildPlan, planOrganisations, seedYears, type SeedOptions, type SeedPlan } from './plan.js';
export { osloToday } from './dates.js';
export type { TokenIssuer } from './client.js';
