export * from './read-model/evaluation-export/evaluation-export.projection.js';
export * from './read-model/evaluation-export/columns.js';
export * from './read-model/evaluation-export/evaluation-export.queries.js';
export * from './read-model/evaluation-export/formats/writers.js';
export * from './read-model/evaluation-export/evaluation-export.service.js';
export * from './exports.module.js';
