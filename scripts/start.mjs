#!/usr/bin/env node
// `npm start`: Playloop on this machine, from a fresh clone, in one command.
//
//   install deps → find or start Postgres and Redis → create the `playloop` database →
//   migrate + seed → build → run api, worker and realtime → wait until ready → print the URL.
//
// Ctrl-C (or SIGTERM) stops every process this script started, and only those.
// Knobs: see .env.example (a `.env` at the repo root is read; real env vars win).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  bin,
  createShutdown,
  DATA_DIR,
  ensureDependencies,
  envValue,
  loadDotEnv,
  localSecret,
  main,
  ROOT,
  run,
  say,
  UserError,
} from './lib/common.mjs';
import { startProcesses, waitForHttp } from './lib/processes.mjs';
import { ensureDatabase, ensurePostgres, ensureRedis, tcpOpen } from './lib/services.mjs';

const shutdown = createShutdown();

await main(shutdown, async () => {
  loadDotEnv();
  // Fail on what we can check now, before a minute of installing and building.
  const apiPort = portFromEnv('PLAYLOOP_API_PORT', 3000);
  const realtimePort = portFromEnv('PLAYLOOP_REALTIME_PORT', 3001);
  const secret = jwtSecret();
  await assertPortFree(apiPort, 'the api', 'PLAYLOOP_API_PORT');
  await assertPortFree(realtimePort, 'the realtime server', 'PLAYLOOP_REALTIME_PORT');

  await ensureDependencies();

  const postgres = await ensurePostgres({ dataDir: DATA_DIR });
  shutdown.add(postgres.stop);
  const redis = await ensureRedis({ dataDir: DATA_DIR });
  shutdown.add(redis.stop);
  const databaseUrl = await ensureDatabase(postgres, 'playloop');

  await step(
    'Migrating and seeding the database',
    bin('tsx'),
    ['packages/core/src/db/migrate-cli.ts', '--seed'],
    {
      DATABASE_URL: databaseUrl,
    },
  );
  await step('Building (turbo run build)', bin('turbo'), ['run', 'build'], {
    TURBO_TELEMETRY_DISABLED: '1',
  });

  const common = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: envValue('REDIS_PREFIX') ?? 'pl:',
    JWT_SECRET: secret,
    // Plain http on localhost: production mode would mark cookies Secure, which not every
    // browser accepts over http. Deployments set NODE_ENV=production themselves.
    NODE_ENV: envValue('NODE_ENV') ?? 'development',
    LOG_LEVEL: envValue('LOG_LEVEL') ?? 'info',
  };
  const appOrigin = `http://localhost:${apiPort}`;
  const processes = appProcesses({ common, apiPort, realtimePort, appOrigin });
  assertBuilt(processes);

  say(`Starting ${processes.map((p) => p.name).join(', ')}…`);
  let crashed;
  const apps = startProcesses(processes, {
    onUnexpectedExit: (name, code, signal, err) => {
      if (shutdown.stopping) return;
      crashed = name;
      const how = err
        ? err.message
        : signal
          ? `was killed by ${signal}`
          : `exited with code ${code}`;
      console.error(`playloop  ${name} ${how}: stopping everything`);
      void shutdown.shutdown(1);
    },
  });
  shutdown.add(() => apps.stopAll()); // registered last, so stopped first: apps before databases

  const notReady = await waitForHttp(
    [`http://127.0.0.1:${apiPort}/readyz`, `http://127.0.0.1:${realtimePort}/readyz`],
    { shouldGiveUp: () => crashed !== undefined || shutdown.stopping },
  );
  if (crashed || shutdown.stopping) return new Promise(() => {}); // shutdown is already under way
  if (notReady.length)
    throw new UserError(`Not ready after 90 s: ${notReady.join(', ')} (see the logs above)`);

  say(`Playloop is running: open ${appOrigin}   (Ctrl-C stops it)`);
  say(`To give an account a staff role: npm run grant-role -- you@example.com admin`);
  return new Promise(() => {}); // run until a signal or a crash
});

/**
 * The processes `npm start` runs. To add one (e.g. a sandbox reward provider), append an entry:
 * `cmd` is the argv, `env` is added to the shared environment.
 */
function appProcesses({ common: shared, apiPort, realtimePort, appOrigin }) {
  const node = process.execPath;
  const sandbox = sandboxProvider(apiPort);
  const common = { ...shared, PAYOUT_PROVIDERS: sandbox.payoutProviders };
  return [
    {
      name: 'api',
      cmd: [node, 'apps/api/dist/main.js'],
      env: {
        ...common,
        PORT: String(apiPort),
        WEB_DIST_DIR: path.join(ROOT, 'apps/web/dist'),
        PUBLIC_REALTIME_URL: envValue('PUBLIC_REALTIME_URL') ?? `http://localhost:${realtimePort}`,
        CORS_ORIGINS: envValue('CORS_ORIGINS') ?? appOrigin,
      },
    },
    { name: 'worker', cmd: [node, 'apps/api/dist/worker.js'], env: { ...common } },
    {
      name: 'realtime',
      cmd: [node, 'apps/realtime/dist/main.js'],
      env: {
        ...common,
        PORT: String(realtimePort),
        ALLOWED_ORIGINS: envValue('ALLOWED_ORIGINS') ?? appOrigin,
      },
    },
    {
      name: 'sandbox-provider',
      cmd: [node, 'apps/sandbox-provider/dist/main.js'],
      env: sandbox.env,
    },
  ];
}

/**
 * The sandbox reward provider (apps/sandbox-provider), a stand-in gift-card API the demo shop's
 * gift cards are paid through; its keys are generated once per checkout (.data/). A real provider
 * goes in PAYOUT_PROVIDERS (see docs/PAYOUTS.md), which then replaces the sandbox for api and worker.
 */
function sandboxProvider(apiPort) {
  const port = Number(envValue('PLAYLOOP_SANDBOX_PORT') ?? 4010);
  const apiKey = localSecret('sandboxApiKey', 24);
  const callbackSecret = localSecret('sandboxCallbackSecret', 32);
  const url = `http://127.0.0.1:${port}`;
  return {
    payoutProviders:
      envValue('PAYOUT_PROVIDERS') ??
      JSON.stringify([{ name: 'sandbox', baseUrl: url, apiKey, callbackSecret }]),
    env: {
      SANDBOX_PORT: String(port),
      SANDBOX_API_KEY: apiKey,
      SANDBOX_CALLBACK_SECRET: callbackSecret,
      SANDBOX_CALLBACK_URL: `http://127.0.0.1:${apiPort}/api/payouts/callbacks/sandbox`,
    },
  };
}

/** JWT_SECRET from the environment, else one generated once for this checkout (.data/, 0600). */
function jwtSecret() {
  const fromEnv = envValue('JWT_SECRET');
  if (fromEnv && fromEnv.length < 32)
    throw new UserError('JWT_SECRET must be at least 32 characters (openssl rand -base64 48)');
  return fromEnv ?? localSecret('jwtSecret');
}

function portFromEnv(name, fallback) {
  const port = Number(envValue(name) ?? fallback);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserError(`${name} must be a port number, got "${envValue(name)}"`);
  return port;
}

async function step(title, command, args, env) {
  say(`${title}…`);
  const { code } = await run(command, args, { env });
  if (code !== 0) throw new UserError(`${title} failed (exit ${code}); see the output above`);
}

function assertBuilt(processes) {
  for (const { name, cmd } of processes) {
    const entry = cmd.find((arg) => arg.endsWith('.js'));
    if (entry && !fs.existsSync(path.join(ROOT, entry)))
      throw new UserError(`The build did not produce ${entry} (needed by ${name})`);
  }
}

/** Both a listen test (any address, as the apps bind 0.0.0.0) and a connect test on loopback. */
async function assertPortFree(port, who, knob) {
  const canListen = await new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
  if (!canListen || (await tcpOpen('127.0.0.1', port)))
    throw new UserError(
      `Port ${port} is already in use (${who} needs it): stop what is listening there or set ${knob}`,
    );
}
