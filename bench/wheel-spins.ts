// npx tsx bench/wheel-spins.ts [-- --players=200 --spins=5 --stock=50 --seconds=30]
//
// Wheel spins per second over real sockets: P players, each with S spins in the wallet and a
// socket open on one realtime process (a child, as a pod runs it), spin one after another as fast
// as the server acks (one spin in flight per socket, which the server enforces). The wheel has a
// stocked prize, so the run also checks what must hold under load: stock never below zero, every
// spin recorded once, and the ledger reconciled. Bounded by --seconds; loopback only.
import { performance } from 'node:perf_hooks';
import {
  createPool,
  findLedgerDrift,
  houseAccount,
  issueAccessToken,
  playerAccount,
  postTransaction,
  publishWheel,
  withTransaction,
} from '@playloop/core';
import {
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  testServiceUrls,
  withDatabase,
} from '@playloop/core/testing';
import { migrate } from '@playloop/core';
import { ZWheelConfig, type AckResult } from '@playloop/shared';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { spawnRealtime, waitForReady } from '../apps/realtime/test/child-process.js';
import { connectClient } from '../apps/realtime/test/clients.js';
import { realtimeTestEnv, TEST_JWT_SECRET } from '../apps/realtime/test/env.js';
import { conditions, printConditions, writeResult } from './referral-lib/conditions.js';

const flag = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const players = flag('players', 200);
const spinsEach = flag('spins', 5);
const stock = flag('stock', 50);
const seconds = flag('seconds', 30);

const machine = conditions();
printConditions(machine);
const { adminDatabaseUrl } = testServiceUrls();
const dbName = `pl_bench_wheel_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: adminDatabaseUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const databaseUrl = withDatabase(adminDatabaseUrl, dbName);
await migrate(databaseUrl, 'supabase/migrations');
const redis = createTestRedisPrefix();
const pool = createPool({ connectionString: databaseUrl, max: 8, applicationName: 'bench-wheel' });
const pod = await spawnRealtime(
  realtimeTestEnv(
    { databaseUrl, redisUrl: redis.url, redisPrefix: redis.prefix },
    { LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '10', NODE_ENV: 'production', ALLOW_NO_ORIGIN: 'true' },
  ),
);
const sockets: Socket[] = [];

try {
  await waitForReady(pod);
  const campaignId = await insertTestCampaign(pool, { budget: players * spinsEach * 100 });
  const { id: adminId } = await insertTestUser(pool, { role: 'admin' });
  await publishWheel(
    pool,
    { userId: adminId, role: 'admin' },
    campaignId,
    ZWheelConfig.parse({
      segments: [
        {
          label: '10 points',
          weight: 50,
          colour: '#f59e0b',
          prize: { kind: 'points', amount: 10 },
        },
        {
          label: 'Headphones',
          weight: 20,
          colour: '#3b82f6',
          prize: { kind: 'points', amount: 1 },
          stock,
        },
        { label: 'Extra spin', weight: 10, colour: '#10b981', prize: { kind: 'spins', amount: 1 } },
        {
          label: 'Try again',
          weight: 20,
          colour: '#64748b',
          prize: { kind: 'none' },
          isFallback: true,
        },
      ],
    }),
  );
  console.log(`setting up ${players} players with ${spinsEach} spins each…`);
  const ids: string[] = [];
  for (let i = 0; i < players; i += 20) {
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, players - i) }, async () => {
          const { id } = await insertTestUser(pool, { deviceId: null, ip: null, userAgent: null });
          await withTransaction(pool, async (tx) =>
            postTransaction(tx, {
              idempotencyKey: `bench-spins:${id}`,
              kind: 'spin_grant',
              legs: [
                { accountId: await houseAccount(tx, 'spins'), amount: -spinsEach },
                { accountId: await playerAccount(tx, id, 'spins'), amount: spinsEach },
              ],
            }),
          );
          return id;
        }),
      )),
    );
  }
  for (const id of ids) {
    const token = issueAccessToken(
      { secret: TEST_JWT_SECRET, issuer: 'playloop', audience: 'playloop', ttlSeconds: 3600 },
      { id, role: 'player' },
    ).token;
    sockets.push(await connectClient(pod.url, { auth: { token } }));
  }

  const latencies: number[] = [];
  const refusals = new Map<string, number>();
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    sockets.map(async (socket) => {
      // Extra-spin prizes refill the wallet, so each player spins until the server says NO_SPINS.
      while (performance.now() < deadline) {
        const sent = performance.now();
        let ack: AckResult<unknown>;
        try {
          ack = await socket.timeout(15_000).emitWithAck('wheel:spin', { campaignId });
        } catch {
          refusals.set('TIMEOUT', (refusals.get('TIMEOUT') ?? 0) + 1);
          return;
        }
        if (!ack.ok) {
          refusals.set(ack.error.code, (refusals.get(ack.error.code) ?? 0) + 1);
          if (ack.error.code === 'NO_SPINS') return;
          // A well-behaved client honours the per-socket budget (20 events/s by default) instead of
          // hammering it, which would get the socket dropped for abuse.
          if (ack.error.code === 'RATE_LIMITED') await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Number(
      (
        latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
      ).toFixed(1),
    );
  const remaining = (
    await pool.query('select remaining from wheel_stock where campaign_id = $1', [campaignId])
  ).rows[0]?.remaining;
  const recorded = Number((await pool.query('select count(*) from wheel_spins')).rows[0].count);
  const drift = await findLedgerDrift(pool);
  const result = {
    bench: 'wheel-spins',
    conditions: machine,
    players,
    spinsEach,
    stock,
    elapsedSeconds: Number(elapsed.toFixed(2)),
    spins: latencies.length,
    spinsPerSecond: Number((latencies.length / elapsed).toFixed(1)),
    ackLatencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: pct(100) },
    refusals: Object.fromEntries(refusals),
    checks: {
      stockRemaining: remaining,
      stockNeverNegative: remaining >= 0,
      spinsRecorded: recorded,
      everySpinRecordedOnce: recorded === latencies.length,
      ledgerDrift: drift,
    },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`results: ${writeResult('wheel-spins', result)}`);
  if (
    !result.checks.everySpinRecordedOnce ||
    drift.accountsOffBalance.length ||
    drift.unbalancedTransactions.length ||
    drift.negativeAccounts
  )
    process.exitCode = 1;
} finally {
  for (const s of sockets) s.close();
  await pod.stop();
  await pool.end();
  await redis.cleanup();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
