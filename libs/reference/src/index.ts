export * from './catalog/reference-catalog.js';
export type * from './catalog/reference.view.js';
export * from './reference.module.js';
