export * from './domain/needs-assessment.types.js';
export * from './domain/needs-assessment.decider.js';
