import { randomBytes } from 'node:crypto';
import { newId } from '@playloop/shared';
import { createPool } from '@playloop/core';

/** Secrets made per run, never committed. */
export const TEST_JWT_SECRET = randomBytes(48).toString('base64');
export const TEST_SUPABASE_SECRET = randomBytes(48).toString('base64');
export const TEST_SUPABASE_URL = 'https://project-ref.supabase.co';

/** The environment a realtime server (in-process or child) gets in tests. */
export function realtimeTestEnv(
  opts: { databaseUrl: string; redisUrl: string; redisPrefix: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_MAX: '2',
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.redisPrefix,
    JWT_SECRET: TEST_JWT_SECRET,
    SUPABASE_URL: TEST_SUPABASE_URL,
    SUPABASE_JWT_SECRET: TEST_SUPABASE_SECRET,
    ...extra,
  };
}

/** Inserts a local user (the check constraint wants an argon2id-shaped hash) and returns its id. */
export async function insertTestUser(
  databaseUrl: string,
  role: 'player' | 'admin' = 'player',
): Promise<string> {
  const id = newId('usr');
  const pool = createPool({ connectionString: databaseUrl, max: 1 });
  try {
    await pool.query(
      `insert into users (id, email, display_name, role, password_hash, auth_provider) values ($1, $2, $3, $4, $5, 'local')`,
      [
        id,
        `${id.toLowerCase()}@example.test`,
        'Tester',
        role,
        '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
      ],
    );
  } finally {
    await pool.end();
  }
  return id;
}
