import { createLogger } from '@playloop/core';
import { loadWorkerConfig } from '../src/worker/config.js';
import { createWorkerRuntime } from '../src/worker/runtime.js';
import type { TestApi } from './harness.js';

/** A real worker runtime over the same database and Redis prefix as a test api. */
export async function startTestWorker(api: TestApi, overrides: Record<string, string> = {}) {
  const runtime = createWorkerRuntime(
    loadWorkerConfig({
      DATABASE_URL: api.config.DATABASE_URL,
      REDIS_URL: api.config.REDIS_URL,
      REDIS_PREFIX: api.config.REDIS_PREFIX,
      JWT_SECRET: api.config.JWT_SECRET,
      CLICK_FLUSH_EVERY_MS: '200',
      ...overrides,
    }),
    createLogger({ name: 'worker-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  );
  await runtime.ready();
  return runtime;
}

/** Polls until `check` returns a value that is not undefined (or fails after `ms`). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  ms = 10_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
