import pg from 'pg';
import { testServiceUrls, withDatabase } from './env.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

/** A fresh, migrated database copied from the run's template; `drop()` removes it. */
export async function createTestDatabase(
  template = process.env.PLAYLOOP_TEST_TEMPLATE_DB,
): Promise<TestDatabase> {
  if (!template)
    throw new Error(
      'no template database: integration tests run under the integration project (vitest --project integration)',
    );
  const { adminDatabaseUrl } = testServiceUrls();
  const name = `pl_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    // A template may not have other connections while it is copied; retry briefly if a sibling file copies it too.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message))
          throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(adminDatabaseUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminDatabaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
