export * from './read-model/evaluation-export.projection.js';
export * from './application/columns.js';
export * from './application/export-query.js';
export * from './application/writers.js';
export * from './application/evaluation-export.service.js';
export * from './exports.module.js';
