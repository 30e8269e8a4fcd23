export * from './projection.js';
export * from './migrations.js';
export * from './checkpoints.js';
export * from './engine.js';
export * from './names.js';
