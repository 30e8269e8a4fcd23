export * from './sql-client.js';
export * from './pg-client.js';
export * from './data-dir.js';
export * from './data-dir-lock.js';
export * from './embedded-postgres.js';
export * from './migrations.js';
export * from './open.js';
export * from './scratch-database.js';
