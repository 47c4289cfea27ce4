// The sandbox provider process (`npm start` runs it beside the api): a gift-card API stand-in.
import { startSandbox } from './server.js';

const env = process.env;
const fail = (message: string): never => {
  process.stderr.write(`sandbox-provider: ${message}\n`);
  process.exit(78);
};
const apiKey =
  env.SANDBOX_API_KEY ?? fail('SANDBOX_API_KEY is not set (the key the api sends as Bearer token)');
const callbackSecret =
  env.SANDBOX_CALLBACK_SECRET ??
  fail('SANDBOX_CALLBACK_SECRET is not set (the HMAC secret for callbacks)');
const port = Number(env.SANDBOX_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('SANDBOX_PORT must be a port number');
if (apiKey.length < 8) fail('SANDBOX_API_KEY must be at least 8 characters');
if (callbackSecret.length < 16) fail('SANDBOX_CALLBACK_SECRET must be at least 16 characters');

// One JSON object per line, like the other Playloop processes.
const log = (line: Record<string, unknown>) =>
  process.stdout.write(
    `${JSON.stringify({ time: Date.now(), name: 'sandbox-provider', ...line })}\n`,
  );

const sandbox = await startSandbox({
  port,
  host: env.SANDBOX_HOST ?? '127.0.0.1',
  apiKey,
  callbackSecret,
  callbackUrl: env.SANDBOX_CALLBACK_URL ?? null,
  log,
  // Development: a slow, flaky provider by default is no fun; change it at runtime with
  // PATCH /__sandbox/behaviour (see docs/PAYOUTS.md).
  behaviour: {
    failureRate: Number(env.SANDBOX_FAILURE_RATE ?? 0),
    asyncFulfilment: env.SANDBOX_ASYNC === '1',
  },
}).catch((err: NodeJS.ErrnoException) =>
  fail(
    err.code === 'EADDRINUSE'
      ? `port ${port} is already in use: stop what listens there or set SANDBOX_PORT (PLAYLOOP_SANDBOX_PORT for npm start)`
      : err.message,
  ),
);
log({
  msg: 'sandbox provider listening',
  url: sandbox.url,
  callbackUrl: env.SANDBOX_CALLBACK_URL ?? null,
});

const stop = async (signal: string) => {
  log({ msg: 'sandbox provider stopping', signal });
  await sandbox.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
