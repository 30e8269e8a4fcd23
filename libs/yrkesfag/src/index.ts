export * from './county-frame/reference.js';
export * from './county-frame/county-frame.aggregate.js';
export * from './export/export-rows.js';
export * from './read-model/frames/frames.projection.js';
export * from './read-model/plans/plans.projection.js';
export * from './yrkesfag.module.js';
