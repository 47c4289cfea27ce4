import { startStack } from './stack';

/**
 * Starts the stack once for the run and returns its teardown (Playwright calls the returned
 * function as global teardown). The base URL reaches the test workers through the environment,
 * which they inherit: they start after this has run.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.PLAYLOOP_E2E_BASE_URL) {
    console.log(`e2e: using the stack at ${process.env.PLAYLOOP_E2E_BASE_URL}`);
    return undefined;
  }
  const started = Date.now();
  const stack = await startStack();
  process.env.PLAYLOOP_E2E_BASE_URL = stack.baseURL;
  // For tests that act as the back end (deliver a notification while the page is open).
  process.env.PLAYLOOP_E2E_DATABASE_URL = stack.databaseUrl;
  process.env.PLAYLOOP_E2E_REDIS_URL = stack.redisUrl;
  process.env.PLAYLOOP_E2E_REDIS_PREFIX = stack.redisPrefix;
  process.env.PLAYLOOP_E2E_MAIL_DIR = stack.mailDir;
  console.log(
    `e2e: stack up in ${Date.now() - started} ms: api+SPA ${stack.baseURL}, realtime ${stack.realtimeURL}, database ${stack.databaseName}, Redis prefix ${stack.redisPrefix}`,
  );
  return async () => {
    await stack.stop();
    console.log(
      `e2e: stack stopped, database ${stack.databaseName} dropped, Redis keys ${stack.redisPrefix}* deleted`,
    );
  };
}
