import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueues } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestUser,
  type TestDatabase,
} from '@playloop/core/testing';
import { eventually } from './worker-harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let db: TestDatabase;
const redisNs = createTestRedisPrefix();

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await redisNs.cleanup();
  await db?.drop();
});

describe('worker process', () => {
  it('on SIGTERM finishes the job in progress, then exits 0', async () => {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const user = await insertTestUser(pool as never);
    await pool.end();

    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/worker.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: db.url,
        REDIS_URL: redisNs.url,
        REDIS_PREFIX: redisNs.prefix,
        JWT_SECRET: 'x'.repeat(40),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    try {
      await eventually(
        async () => (output.includes('worker ready') ? true : undefined),
        20_000,
        'worker ready',
      );
      // Hold the notifications table so the welcome job blocks mid-way, inside its insert.
      await admin.query('begin');
      await admin.query('lock table notifications in exclusive mode');
      const queues = createJobQueues({ url: redisNs.url }, redisNs.prefix);
      await queues.enqueueWelcome({ userId: user.id });
      await queues.close();
      await eventually(
        async () => {
          const { rows } = await admin.query(
            `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'notifications' and not l.granted`,
          );
          return rows[0].n > 0 ? true : undefined;
        },
        10_000,
        'job blocked on the lock',
      );

      process.kill(child.pid as number, 'SIGTERM');
      await eventually(
        async () => (output.includes('draining') ? true : undefined),
        5_000,
        'draining log',
      );
      expect(child.exitCode).toBeNull(); // still finishing its job
      await admin.query('commit');

      expect(await exited).toBe(0);
      const { rows } = await admin.query('select kind from notifications where user_id = $1', [
        user.id,
      ]);
      expect(rows).toEqual([{ kind: 'welcome' }]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await admin.end();
    }
  });
});
