export * from './partnership/partnership.aggregate.js';
export * from './read-model/partnerships/partnerships.projection.js';
export * from './partnerships.module.js';
