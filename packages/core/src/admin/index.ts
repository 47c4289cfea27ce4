export * from './audit.js';
export * from './campaigns-admin.js';
export * from './users-admin.js';
export * from './funnel.js';
export * from './exports.js';
