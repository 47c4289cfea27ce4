// Usage: DATABASE_URL=postgres://… tsx packages/core/src/db/migrate-cli.ts [--seed]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, seed } from './migrate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: export DATABASE_URL=postgres://user@host:5432/db');
  process.exit(2);
}
try {
  const result = await migrate(url, path.join(root, 'supabase/migrations'));
  console.warn(`migrations: ${result.applied.length} applied, ${result.skipped} already there`);
  for (const file of result.changedSinceApplied) {
    console.warn(
      `migrations: WARNING ${file} changed after it was applied here; this database keeps the old version (write a new migration instead)`,
    );
  }
  if (process.argv.includes('--seed')) {
    await seed(url, path.join(root, 'supabase/seed.sql'));
    console.warn('seed: supabase/seed.sql applied');
  }
} catch (err) {
  console.error(`migrate: ${(err as Error).message}`);
  process.exit(1);
}
