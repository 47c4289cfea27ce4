export * from './load-wheel.js';
export * from './seeds.js';
export * from './spin-wheel.js';
export * from './daily-spin.js';
export * from './wheel-state.js';
export * from './spin-history.js';
export * from './publish-wheel.js';
