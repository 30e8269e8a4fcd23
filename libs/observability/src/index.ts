export * from './metrics.js';
export * from './observability.module.js';
export * from './logging.js';
export * from './tracing.js';
