export * from './catalogue.js';
export * from './catalogue-admin.js';
export * from './policy.js';
export * from './support.js';
export * from './ops.js';
