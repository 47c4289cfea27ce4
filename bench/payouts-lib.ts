// The pieces of the payouts bench: a throwaway database and Redis prefix, the real worker process,
// the sandbox provider, and the figures read back from Postgres.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate, type Pool } from '@playloop/core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}
export const numberFlag = (name: string, fallback: number) => {
  const v = Number(flag(name, String(fallback)));
  if (!Number.isFinite(v)) throw new Error(`--${name} must be a number`);
  return v;
};

/** A fresh migrated database and a Redis prefix of its own; `drop()` removes both traces. */
export async function benchServices() {
  const adminUrl =
    process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `pl_bench_payouts_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  await migrate(url.toString(), path.join(ROOT, 'supabase/migrations'));
  return {
    databaseUrl: url.toString(),
    redisUrl,
    redisPrefix: `plbench:payouts:${suffix}:`,
    jwtSecret: randomBytes(48).toString('base64'),
    async drop() {
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    },
  };
}

/** The worker entry point as its own process, as a pod runs it; resolves once it is ready. */
export async function startWorker(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/worker.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // Only the tail is kept: at info level the worker logs every payout exception.
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_192);
      if (output.includes('"msg":"worker ready"')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code}:\n${output.slice(-2000)}`)),
    );
    setTimeout(
      () => reject(new Error(`worker not ready after 60 s:\n${output.slice(-2000)}`)),
      60_000,
    ).unref();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface ExceptionFigures {
  total: number;
  decided: number;
  resolvedWithin5m: number;
  undecided: number;
  byCategory: Record<string, number>;
  resolutionMs: { p50: number | null; p95: number | null; max: number | null };
}

/** Exceptions and how fast they were resolved, read from the same table the KPI endpoint reads. */
export async function exceptionFigures(pool: Pool): Promise<ExceptionFigures> {
  const { rows } = await pool.query<{
    total: string;
    fast: string;
    undecided: string;
    p50: number | null;
    p95: number | null;
    max: number | null;
  }>(
    `select count(*) as total,
            count(*) filter (where resolved_at - occurred_at <= interval '5 minutes') as fast,
            count(*) filter (where resolved_at is null and occurred_at > now() - interval '5 minutes') as undecided,
            percentile_cont(0.5) within group (order by extract(epoch from resolved_at - occurred_at) * 1000) as p50,
            percentile_cont(0.95) within group (order by extract(epoch from resolved_at - occurred_at) * 1000) as p95,
            max(extract(epoch from resolved_at - occurred_at) * 1000)::float8 as max
     from payout_exceptions`,
  );
  const byCategory = await pool.query<{ category: string; n: string }>(
    'select category, count(*) as n from payout_exceptions group by category order by 1',
  );
  const r = rows[0];
  const total = Number(r?.total ?? 0);
  const undecided = Number(r?.undecided ?? 0);
  return {
    total,
    decided: total - undecided,
    resolvedWithin5m: Number(r?.fast ?? 0),
    undecided,
    byCategory: Object.fromEntries(byCategory.rows.map((c) => [c.category, Number(c.n)])),
    resolutionMs: { p50: round(r?.p50), p95: round(r?.p95), max: round(r?.max) },
  };
}
const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v);
