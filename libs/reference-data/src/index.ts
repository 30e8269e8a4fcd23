export * from './org-number.js';
export * from './counties.js';
export * from './offices.js';
export * from './municipalities.js';
export * from './universities.js';
