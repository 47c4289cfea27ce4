export * from './outbox.js';
export * from './deliver.js';
export * from './collect-referral-events.js';
export * from './endpoints.js';
