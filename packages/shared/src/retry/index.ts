export * from './backoff.js';
export * from './budget.js';
export * from './fetch-with-retry.js';
