// The worker process: a second entry point of apps/api running the BullMQ workers.
import { createServer } from 'node:http';
import { ConfigError, createLogger } from '@playloop/core';
import { loadWorkerConfig } from './worker/config.js';
import { createWorkerRuntime } from './worker/runtime.js';

function boot() {
  try {
    return loadWorkerConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`worker: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
}

const config = boot();
const logger = createLogger({ name: 'worker', level: config.LOG_LEVEL });
const runtime = createWorkerRuntime(config, logger);
await runtime.ready();
logger.info(
  {
    concurrency: config.WORKER_CONCURRENCY,
    referralsConcurrency: config.REFERRALS_WORKER_CONCURRENCY,
  },
  'worker ready',
);

// A liveness endpoint for the orchestrator; the worker serves no other HTTP.
const probe = config.WORKER_METRICS_PORT
  ? createServer((req, res) => {
      res.writeHead(req.url === '/healthz' ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: req.url === '/healthz' ? 'ok' : 'not-found' }));
    }).listen(config.WORKER_METRICS_PORT)
  : undefined;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker draining: running jobs finish first');
  probe?.close();
  await runtime.close().catch((err: unknown) => logger.error({ err }, 'close failed'));
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
