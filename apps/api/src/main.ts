import { createServer } from 'node:http';
import { ConfigError, createLogger } from '@playloop/core';
import { createApp } from './app.js';
import { loadApiConfig } from './config.js';
import { buildApiServices } from './services.js';

function boot() {
  try {
    return loadApiConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`api: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
}

const config = boot();
const logger = createLogger({ name: 'api', level: config.LOG_LEVEL });
const services = buildApiServices(config);
const app = createApp({ config, logger, ...services });
const server = createServer(app);
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.requestTimeout = 30_000;

server.listen(config.PORT, config.HOST, () => {
  logger.info({ port: config.PORT }, 'api listening');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'api shutting down');
  server.close();
  server.closeIdleConnections();
  await services.close().catch((err: unknown) => logger.error({ err }, 'close failed'));
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
