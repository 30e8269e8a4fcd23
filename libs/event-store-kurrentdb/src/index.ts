export * from './kurrent-client.js';
export * from './kurrentdb-event-store.js';
export * from './mapping.js';
export * from './create-kurrentdb-event-store.js';
