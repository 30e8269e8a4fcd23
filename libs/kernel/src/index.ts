export * from './actor.js';
export * from './errors.js';
export * from './schemes.js';
