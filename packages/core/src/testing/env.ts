/** Where tests find the services; `scripts/test.mjs` exports these after finding or starting them. */
export function testServiceUrls(): { adminDatabaseUrl: string; redisUrl: string } {
  return {
    adminDatabaseUrl:
      process.env.TEST_ADMIN_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

/** Replaces the database name in a Postgres URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
