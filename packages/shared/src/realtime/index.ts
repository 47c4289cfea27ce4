export * from './events.js';
export * from './result.js';
