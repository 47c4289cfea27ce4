export * from './schemas.js';
export * from './solo-schemas.js';
export * from './rest-schemas.js';
export * from './scoring.js';
export * from './rooms.js';
