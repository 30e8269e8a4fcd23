export * from './domain/needs-assessment.types.js';
export * from './domain/needs-assessment.decider.js';
export * from './read-model/needs-assessments.projection.js';
export * from './application/partnership-status.port.js';
export * from './needs-assessments.module.js';
