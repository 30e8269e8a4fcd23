export * from './actor.js';
export * from './errors.js';
export * from './schemes.js';
export * from './ports.js';
