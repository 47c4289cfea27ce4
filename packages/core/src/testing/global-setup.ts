import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../db/migrate.js';
import { testServiceUrls, withDatabase } from './env.js';

/**
 * Integration tests: migrate one template database per run; each test file then gets its own
 * copy (`create database … template …`, ~100 ms) so files never see each other's rows.
 */
export default async function setup() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  const { adminDatabaseUrl } = testServiceUrls();
  const template = `pl_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `Postgres not reachable at ${adminDatabaseUrl}: run tests with \`npm test\` (it finds or starts one) or set TEST_ADMIN_DATABASE_URL`,
      { cause: err },
    );
  }
  await admin.query(`create database ${template}`);
  await migrate(withDatabase(adminDatabaseUrl, template), path.join(root, 'supabase/migrations'));
  process.env.PLAYLOOP_TEST_TEMPLATE_DB = template;
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
