export * from './projection.js';
export * from './migrations.js';
export * from './checkpoints.js';
export * from './engine.js';
export * from './names.js';
export { applyTo, createSchema } from './apply.js';
export { asOfSchemaOf, createAsOfViews } from './history.js';
export { batchMemo, PipelinedSql } from './pipeline.js';
export { writeWholeRow, type WholeRowTable } from './row-writer.js';
