/**
 * The export's options as a command line checks them: formats, layouts and heading sets, plain data. Imported by
 * path (not through `#libs/exports`, which brings the Nest module) so `npm run export -- --help` loads nothing else.
 */
export { LABEL_SETS, type LabelSet } from './read-model/evaluation-export/columns.js';
export { EXPORT_FORMATS, LAYOUT_FORMATS, type ExportFormat } from './read-model/evaluation-export/formats/formats.js';
export type { ExportLayout } from './read-model/evaluation-export/formats/stream.js';
export type { ExportFilter } from './read-model/evaluation-export/evaluation-export.queries.js';
