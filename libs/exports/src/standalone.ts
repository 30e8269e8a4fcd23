/**
 * What a process other than the service needs to write the export (the export CLI): the read model's projection,
 * the row count and the writers, without the Nest module, its service and the platform they bring. Imported by
 * path, not through `#libs/exports`.
 */
export { EVALUATION_EXPORT, evaluationExportProjection } from './read-model/evaluation-export/evaluation-export.projection.js';
export { countRows } from './read-model/evaluation-export/evaluation-export.queries.js';
export { writeEvaluationExport } from './read-model/evaluation-export/formats/writers.js';
