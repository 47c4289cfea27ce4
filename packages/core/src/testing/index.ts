export * from './database.js';
export * from './redis.js';
export * from './env.js';
export * from './supabase-auth.js';
export * from './fixtures.js';
export * from './smtp-sink.js';
