#!/usr/bin/env node
// `npm run migrate [-- --seed]`: apply supabase/migrations (and optionally supabase/seed.sql) to
// the database `npm start` would use, finding or starting Postgres the same way. Apps are not
// started, and Redis is not needed.
import {
  bin,
  createShutdown,
  DATA_DIR,
  ensureDependencies,
  loadDotEnv,
  main,
  run,
  say,
  UserError,
} from './lib/common.mjs';
import { ensureDatabase, ensurePostgres } from './lib/services.mjs';

const shutdown = createShutdown();

await main(shutdown, async () => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--seed');
  if (unknown.length)
    throw new UserError(
      `Unknown option ${unknown.join(' ')}; usage: npm run migrate [-- --seed]`,
      2,
    );

  loadDotEnv();
  await ensureDependencies();
  const postgres = await ensurePostgres({ dataDir: DATA_DIR });
  shutdown.add(postgres.stop);
  const databaseUrl = await ensureDatabase(postgres, 'playloop');

  say(`Migrating${args.includes('--seed') ? ' and seeding' : ''}…`);
  const { code } = await run(bin('tsx'), ['packages/core/src/db/migrate-cli.ts', ...args], {
    env: { DATABASE_URL: databaseUrl },
  });
  if (code !== 0) throw new UserError(`Migration failed (exit ${code}); see the output above`);
  return 0;
});
