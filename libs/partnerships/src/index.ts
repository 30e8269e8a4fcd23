export * from './domain/partnership.decider.js';
export * from './read-model/partnerships.projection.js';
export * from './partnerships.module.js';
