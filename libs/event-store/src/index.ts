export * from './types.js';
export * from './errors.js';
export * from './postgres-event-store.js';
export * from './postgres-migrations.js';
