import { ConfigError, createLogger } from '@playloop/core';
import { loadRealtimeConfig, type RealtimeConfig } from './config.js';
import { createRealDeps } from './deps.js';
import { createRealtime } from './server.js';

function loadConfigOrExit(): RealtimeConfig {
  try {
    return loadRealtimeConfig();
  } catch (err) {
    // The configured logger does not exist yet; a bare one still writes JSON like every other line.
    const boot = createLogger({ name: 'realtime' });
    boot.fatal(
      err instanceof ConfigError ? {} : { err },
      err instanceof ConfigError ? err.message : 'cannot start: configuration could not be read',
    );
    process.exit(1);
  }
}

const config = loadConfigOrExit();
const logger = createLogger({ name: 'realtime', level: config.LOG_LEVEL });
const deps = createRealDeps(config, logger);
const realtime = createRealtime(deps);

realtime.httpServer.on('error', (err) => {
  logger.fatal({ err }, 'http server error');
  process.exit(1);
});
realtime.httpServer.listen(config.PORT, config.HOST, () => {
  const address = realtime.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info(
    {
      host: config.HOST,
      port,
      origins: config.ALLOWED_ORIGINS,
      allowNoOrigin: config.ALLOW_NO_ORIGIN,
    },
    'realtime listening',
  );
});

let isStopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'shutting down');
  // A hung dependency must not keep a terminating pod alive past its grace period.
  const deadline = setTimeout(() => {
    logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  deadline.unref();
  // Sockets are closed with the transport, so clients reconnect (with jitter) to another pod.
  await realtime.close();
  await deps.dispose();
  logger.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('unhandledRejection', (reason) =>
  logger.error({ err: reason }, 'unhandled promise rejection'),
);
