export * from './domain/partnership.decider.js';
