export * from './kurrentdb-event-store.js';
export * from './mapping.js';
