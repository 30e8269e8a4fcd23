export * from './actor.js';
export * from './errors.js';
