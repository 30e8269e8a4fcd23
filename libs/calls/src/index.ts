export * from './call/call.aggregate.js';
export * from './read-model/calls/calls.projection.js';
export * from './calls.module.js';
