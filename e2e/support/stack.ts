import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startSmtpSink } from '../../packages/core/src/testing/smtp-sink';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOG_DIR = path.join(ROOT, 'test-results', 'e2e-stack');

const BUILT = {
  api: 'apps/api/dist/main.js',
  worker: 'apps/api/dist/worker.js',
  realtime: 'apps/realtime/dist/main.js',
  web: 'apps/web/dist/index.html',
  sandbox: 'apps/sandbox-provider/dist/main.js',
} as const;

export interface Stack {
  baseURL: string;
  realtimeURL: string;
  databaseName: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Where the stack's mail relay writes the emails it accepted (see mail-sink.ts). */
  mailDir: string;
  stop: () => Promise<void>;
}

interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/**
 * A throwaway Playloop: a fresh migrated database, its own Redis prefix, a random JWT secret, and
 * the *built* api, worker and realtime server on free ports, the api serving the built SPA.
 */
export async function startStack(): Promise<Stack> {
  assertBuilt();
  const adminUrl =
    process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const suffix = randomBytes(5).toString('hex');
  const databaseName = `pl_e2e_${suffix}`;
  const redisPrefix = `ple2e:${suffix}:`;
  const databaseUrl = withDatabase(adminUrl, databaseName);

  const services: Service[] = [];
  let databaseCreated = false;
  const mailDir = path.join(LOG_DIR, `mail-${suffix}`);
  const mail = await startSmtpSink({ dir: mailDir });
  const stop = async () => {
    await Promise.all(services.map(stopService));
    await mail.close();
    if (databaseCreated)
      await dropDatabase(adminUrl, databaseName).catch((err) =>
        console.error(`e2e: could not drop ${databaseName}:`, err),
      );
    await deleteRedisKeys(redisUrl, redisPrefix).catch((err) =>
      console.error(`e2e: could not clean Redis ${redisPrefix}*:`, err),
    );
  };

  try {
    await createDatabase(adminUrl, databaseName);
    databaseCreated = true;
    await migrateDatabase(databaseUrl);

    const [apiPort, realtimePort, sandboxPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
    ]);
    const baseURL = `http://127.0.0.1:${apiPort}`;
    const realtimeURL = `http://127.0.0.1:${realtimePort}`;
    const sandboxKeys = {
      apiKey: randomBytes(16).toString('hex'),
      callbackSecret: randomBytes(24).toString('hex'),
    };
    const common = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.PLAYLOOP_E2E_LOG_LEVEL ?? 'info',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      JWT_SECRET: randomBytes(48).toString('base64'),
      // The sandbox gift-card provider pays the demo shop's gift cards (apps/sandbox-provider).
      PAYOUT_PROVIDERS: JSON.stringify([
        { name: 'sandbox', baseUrl: `http://127.0.0.1:${sandboxPort}`, ...sandboxKeys },
      ]),
    };
    mkdirSync(LOG_DIR, { recursive: true });
    services.push(
      startService('realtime', BUILT.realtime, {
        ...common,
        PORT: String(realtimePort),
        HOST: '127.0.0.1',
        ALLOWED_ORIGINS: baseURL,
      }),
      startService('worker', BUILT.worker, {
        ...common,
        PUBLIC_APP_URL: baseURL,
        SMTP_URL: mail.url,
      }),
      startService('sandbox-provider', BUILT.sandbox, {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_API_KEY: sandboxKeys.apiKey,
        SANDBOX_CALLBACK_SECRET: sandboxKeys.callbackSecret,
        SANDBOX_CALLBACK_URL: `${baseURL}/api/payouts/callbacks/sandbox`,
      }),
      startService('api', BUILT.api, {
        ...common,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        WEB_DIST_DIR: path.join(ROOT, 'apps/web/dist'),
        PUBLIC_REALTIME_URL: realtimeURL,
        PUBLIC_APP_URL: baseURL,
        CORS_ORIGINS: baseURL,
      }),
    );
    await Promise.all([
      waitForReady(`${baseURL}/readyz`, services),
      waitForReady(`${realtimeURL}/readyz`, services),
    ]);
    return {
      baseURL,
      realtimeURL,
      databaseName,
      databaseUrl,
      redisUrl,
      redisPrefix,
      mailDir,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function assertBuilt(): void {
  const missing = Object.values(BUILT).filter((file) => !existsSync(path.join(ROOT, file)));
  if (missing.length > 0) {
    throw new Error(
      `e2e needs the built apps, and these are missing:\n  ${missing.join('\n  ')}\nRun \`npx turbo run build\` first.`,
    );
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function createDatabase(adminUrl: string, name: string) {
  return withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
}

function dropDatabase(adminUrl: string, name: string) {
  return withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}

/** The project's own migrator, as `npm run migrate` runs it; the CLI if the TS import cannot load. */
async function migrateDatabase(databaseUrl: string): Promise<void> {
  let core: {
    migrate: (url: string, dir: string) => Promise<unknown>;
    seed: (url: string, file: string) => Promise<void>;
  };
  try {
    core = await import('@playloop/core');
  } catch (err) {
    console.warn(
      `e2e: could not import @playloop/core (${(err as Error).message.split('\n')[0]}); migrating with its CLI`,
    );
    await runToCompletion('npx', ['tsx', 'packages/core/src/db/migrate-cli.ts', '--seed'], {
      DATABASE_URL: databaseUrl,
    });
    return;
  }
  await core.migrate(databaseUrl, path.join(ROOT, 'supabase/migrations'));
  await core.seed(databaseUrl, path.join(ROOT, 'supabase/seed.sql'));
}

function runToCompletion(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startService(name: string, entry: string, env: Record<string, string>): Service {
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile);
  // Only what the service needs plus PATH/HOME: no stray DATABASE_URL or PORT from the shell.
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { name, child, logFile };
}

async function stopService({ child }: Service): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined)
      process.kill(child.pid, 'SIGKILL');
  }, 8_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForReady(url: string, services: Service[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = services.find((s) => s.child.exitCode !== null || s.child.signalCode !== null);
    if (dead) {
      throw new Error(
        `e2e: ${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}) while starting. Its log:\n${tail(dead.logFile)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const logs = services
        .map((s) => `--- ${s.name} (${s.logFile})\n${tail(s.logFile, 10)}`)
        .join('\n');
      throw new Error(`e2e: ${url} was not ready within ${timeoutMs} ms.\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
