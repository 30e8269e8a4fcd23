export * from './domain/categories.js';
export * from './domain/forum.decider.js';
export * from './domain/recommendation.decider.js';
export * from './read-model/forum.projection.js';
export * from './forum.module.js';
