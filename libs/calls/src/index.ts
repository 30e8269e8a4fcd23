export * from './domain/call.decider.js';
export * from './read-model/calls.projection.js';
export * from './calls.module.js';
