export * from './forum/categories.js';
export * from './forum/forum.aggregate.js';
export * from './forum/membership.js';
export * from './recommendation/content/content.js';
export * from './recommendation/recommendation.aggregate.js';
export * from './read-model/forum.projection.js';
export * from './forum.module.js';
export * from './recommendation-draft/recommendation-draft.aggregate.js';
