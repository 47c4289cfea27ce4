// Throwaway services for a referral bench: a fresh migrated database, a Redis prefix of its own,
// and the built apps as child processes (node dist/…, exactly as a pod runs them).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { migrate } from '@playloop/core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LOG_DIR = path.join(ROOT, 'bench', 'results', 'referral-logs');

/** The newest mtime under `dir` (source files only), to tell a stale build from a fresh one. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|sql)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds `apps/<app>` with its own tsup when its dist is missing or older than the sources it
 * bundles (the app, core, shared): a bench of yesterday's code would measure the wrong thing.
 */
export function ensureBuilt(app: 'api' | 'realtime'): void {
  const entry = path.join(ROOT, 'apps', app, 'dist', 'main.js');
  const sources = ['apps/' + app + '/src', 'packages/core/src', 'packages/shared/src'].map((d) =>
    newestSource(path.join(ROOT, d)),
  );
  if (existsSync(entry) && statSync(entry).mtimeMs >= Math.max(...sources)) return;
  console.log(`bench: building apps/${app} (dist missing or older than its sources)…`);
  execFileSync('npx', ['tsup'], {
    cwd: path.join(ROOT, 'apps', app),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface BenchServices {
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  cleanup(): Promise<void>;
}

/** A fresh database migrated by the project's own migrator, and a unique Redis prefix. */
export async function createBenchServices(tag: string): Promise<BenchServices> {
  const adminUrl =
    process.env.TEST_ADMIN_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `pl_bench_${tag}_${suffix}`;
  const redisPrefix = `plbench:${tag}:${suffix}:`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${databaseName}`;
  const databaseUrl = u.toString();
  await migrate(databaseUrl, path.join(ROOT, 'supabase/migrations'));
  return {
    databaseUrl,
    databaseName,
    redisUrl,
    redisPrefix,
    jwtSecret: randomBytes(48).toString('base64'),
    async cleanup() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${databaseName} with (force)`);
      await c.end();
      const redis = new Redis(redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

export interface Service {
  name: string;
  url: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * `node <entry>` with only the env it needs (plus PATH/HOME) on a free port (given in `portEnv`),
 * ready once `readyPath` answers 2xx; output goes to bench/results/logs/<name>.log.
 */
export async function startService(
  name: string,
  entry: string,
  env: Record<string, string>,
  opts: { portEnv?: string; readyPath?: string; nodeArgs?: string[] } = {},
): Promise<Service> {
  mkdirSync(LOG_DIR, { recursive: true });
  const portEnv = opts.portEnv ?? 'PORT';
  const port = String(await freePort());
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, [portEnv]: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const service: Service = {
    name,
    url,
    child,
    logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(
        () =>
          child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'),
        8_000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitForHttp(service, `${url}${opts.readyPath ?? '/readyz'}`);
  } catch (err) {
    await service.stop();
    throw err;
  }
  return service;
}

async function waitForHttp(service: Service, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null)
      throw new Error(`${service.name} exited (${service.child.exitCode}); see ${service.logFile}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `${service.name} not ready at ${url} within ${timeoutMs} ms; see ${service.logFile}`,
  );
}

/** With `--profile`, a service writes a V8 CPU profile to bench/results/profiles/ when it exits. */
export function profileArgs(name: string): string[] {
  if (!process.argv.includes('--profile')) return [];
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${path.join(ROOT, 'bench', 'results', 'referral-profiles')}`,
    `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`,
  ];
}
