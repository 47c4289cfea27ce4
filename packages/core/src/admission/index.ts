export * from './waiting-room.js';
export * from './admission-tokens.js';
export * from './route-limits.js';
export * from './hot-cache.js';
export * from './adaptive-limit.js';
