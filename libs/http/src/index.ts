export * from './problem.js';
export * from './problem.filter.js';
export * from './validation.js';
export * from './interceptors.js';
export * from './decorators.js';
export * from './dto.js';
export * from './validators.js';
export * from './request-shape.js';
