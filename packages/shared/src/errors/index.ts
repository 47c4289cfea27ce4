export * from './codes.js';
export * from './schemas.js';
