export * from './schemas.js';
export * from './ab-test.js';
export * from './dashboard.js';
