export * from './needs-assessment/needs-assessment.types.js';
export * from './needs-assessment/needs-assessment.events.js';
export * from './needs-assessment/needs-assessment.aggregate.js';
export * from './read-model/needs-assessments/needs-assessments.projection.js';
export * from './needs-assessments.module.js';
export * from './read-model/needs-assessments/measure-titles.js';
