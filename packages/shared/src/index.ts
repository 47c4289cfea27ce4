export * from './errors/index.js';
export * from './ids/index.js';
export * from './auth/index.js';
export * from './notifications/index.js';
export * from './campaigns/index.js';
export * from './realtime/index.js';
export * from './retry/index.js';
export * from './rest/routes.js';
