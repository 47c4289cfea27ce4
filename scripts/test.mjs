#!/usr/bin/env node
// `npm test`: every test suite, on any machine, with nothing to set up by hand.
//
//   install deps if missing → find or start Postgres and Redis → build (Playwright drives the
//   built apps) → vitest (unit + integration) → Playwright (when playwright.config.ts exists).
//
// A failing runner does not stop the later ones; the exit code is non-zero if any failed. The
// runners' own summaries are the last lines printed: cleanup afterwards is silent.
// `.env` is deliberately not read: tests must never pick up a developer's real databases.
import fs from 'node:fs';
import path from 'node:path';
import {
  bin,
  createShutdown,
  DATA_DIR,
  ensureDependencies,
  envValue,
  main,
  ROOT,
  run,
  say,
} from './lib/common.mjs';
import { ensurePostgres, ensureRedis } from './lib/services.mjs';

const shutdown = createShutdown({ quiet: true });

await main(shutdown, async () => {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  process.env.TURBO_TELEMETRY_DISABLED = '1';
  await ensureDependencies({ onlyIfMissing: true });

  // Integration tests and Playwright create and drop their own databases from this admin URL.
  const postgres = await ensurePostgres({
    dataDir: DATA_DIR,
    url: envValue('TEST_ADMIN_DATABASE_URL') ?? envValue('DATABASE_URL'),
  });
  shutdown.add(postgres.stop);
  const redis = await ensureRedis({ dataDir: DATA_DIR });
  shutdown.add(redis.stop);
  process.env.TEST_ADMIN_DATABASE_URL = postgres.adminUrl;
  process.env.REDIS_URL = redis.url;

  let failed = false;
  say('Building (turbo run build)…');
  const build = await run(bin('turbo'), ['run', 'build']);
  const hasPlaywright = fs.existsSync(path.join(ROOT, 'playwright.config.ts'));
  if (build.code !== 0) {
    failed = true;
    say(
      `Build failed (exit ${build.code})${hasPlaywright ? ': Playwright will be skipped, it needs the built apps' : ''}; running vitest anyway`,
    );
  }

  say('Running vitest (unit + integration)…');
  if ((await run(bin('vitest'), ['run'])).code !== 0) failed = true;

  if (hasPlaywright && build.code === 0) {
    say('Running Playwright…');
    if ((await run(bin('playwright'), ['test'])).code !== 0) failed = true;
  }
  return failed ? 1 : 0;
});
