export * from './decider.js';
export * from './aggregate.js';
export * from './tokens.js';
export * from './command-outcome.js';
export * from './command-meta.js';
export * from './command-runner.js';
export * from './read-models.js';
export * from './platform.module.js';
