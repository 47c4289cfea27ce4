import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, seed } from '@playloop/core';
import { Redis } from 'ioredis';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const LOG_DIR = path.join(RESULTS_DIR, 'launch-day-logs');
const ENTRY = {
  api: 'apps/api/dist/main.js',
  worker: 'apps/api/dist/worker.js',
  realtime: 'apps/realtime/dist/main.js',
} as const;
export type ServiceName = keyof typeof ENTRY;

export interface RunningService {
  name: ServiceName;
  child: ChildProcess;
  pid: number;
  url: string | null;
  /** Set when the process exited while the bench still needed it. */
  exit: { code: number | null; signal: string | null } | null;
}

/** `npx turbo run build` unless told not to; the bench drives the built apps, as production does. */
export function build(skip: boolean): void {
  if (skip && Object.values(ENTRY).every((f) => existsSync(path.join(ROOT, f)))) return;
  console.log('bench: building (npx turbo run build)…');
  const res = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@playloop/api', '--filter=@playloop/realtime'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  );
  if (res.status !== 0) throw new Error('build failed');
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

const withDatabase = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/**
 * A throwaway Playloop for the bench: a fresh migrated database, its own Redis prefix and JWT
 * secret, and the built api, worker and realtime server on loopback. Everything it started is
 * stopped by PID, the database dropped and the keys deleted.
 */
export async function startPlatform() {
  const adminUrl =
    process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `pl_bench_${suffix}`;
  const databaseUrl = withDatabase(adminUrl, databaseName);
  const redisPrefix = `plbench:${suffix}:`;
  const jwtSecret = randomBytes(48).toString('base64');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  await migrate(databaseUrl, path.join(ROOT, 'supabase/migrations'));
  await seed(databaseUrl, path.join(ROOT, 'supabase/seed.sql'));
  mkdirSync(LOG_DIR, { recursive: true });

  const services = new Map<ServiceName, RunningService>();
  const common = {
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET: jwtSecret,
  };

  async function start(
    name: ServiceName,
    env: Record<string, string> = {},
  ): Promise<RunningService> {
    await stop(name);
    const port = name === 'worker' ? null : await freePort();
    const url = port ? `http://127.0.0.1:${port}` : null;
    const log = createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: 'a' });
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, ENTRY[name]], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...common,
        ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    if (child.pid === undefined) throw new Error(`could not start ${name}`);
    const service: RunningService = { name, child, pid: child.pid, url, exit: null };
    child.once('exit', (code, signal) => {
      service.exit = { code, signal };
    });
    services.set(name, service);
    if (url) await waitReady(service);
    return service;
  }

  async function stop(name: ServiceName): Promise<void> {
    const s = services.get(name);
    services.delete(name);
    if (!s || s.exit) return;
    const exited = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
    process.kill(s.pid, 'SIGTERM');
    const timer = setTimeout(() => !s.exit && process.kill(s.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  return {
    databaseUrl,
    redisUrl,
    redisPrefix,
    jwtSecret,
    start,
    stop,
    service: (name: ServiceName) => services.get(name),
    async stopAll() {
      await Promise.all([...services.keys()].map(stop));
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${databaseName} with (force)`);
      await c.end();
      await deleteKeys(redisUrl, redisPrefix);
    },
  };
}
export type Platform = Awaited<ReturnType<typeof startPlatform>>;

async function waitReady(s: RunningService, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (s.exit)
      throw new Error(
        `${s.name} exited while starting (${s.exit.code ?? s.exit.signal}); log: bench/results/launch-day-logs/${s.name}.log`,
      );
    try {
      const res = await fetch(`${s.url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${s.name} not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/** Resident memory of a process in bytes (Linux /proc), 0 when it is gone. */
export function rssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) of a process in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
