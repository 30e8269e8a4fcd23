export * from './actor.js';
export * from './errors.js';
export * from './schemes.js';
export * from './ports.js';
export * from './clock.js';
export * from './access-policy.js';
