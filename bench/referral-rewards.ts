// npm run bench:referral-rewards [-- --referrers=100 --referrals=3000 --from=qualification --concurrency=500 --pool=10 --profile]
// Service logs: bench/results/referral-logs/; with --profile, V8 CPU profiles: bench/results/referral-profiles/.
//
// Referral rewards per second, end to end: from qualification to the referrer's open socket.
// N referrers have the app open (a socket each on one built realtime process); M friends, already
// signed up, qualify at once (a demo campaign qualifies on sign-up: the job the sign-up's
// attribution enqueues); the built worker (`node apps/api/dist/worker.js`) rewards both sides in
// the ledger and announces. The clock runs from enqueueing the first qualification to the last
// `wallet:updated` a referrer receives. `--from=signup` starts one step earlier, with the
// attribution jobs a sign-up enqueues (fraud scoring and the "friend joined" announcement
// included). The sign-up request itself is not in the loop: its cost is the argon2id hash, a
// separate budget the auth benches own.
import { performance } from 'node:perf_hooks';
import { attributeReferral, createJobQueues, createPool, createRedis } from '@playloop/core';
import { insertTestCampaign } from '@playloop/core/testing';
import {
  conditions,
  numberFlag,
  printConditions,
  stringFlag,
  writeResult,
} from './referral-lib/conditions.js';
import { insertReferees } from './referral-lib/referees.js';
import { connectReferrers } from './referral-lib/referrer-sockets.js';
import { createReferrers } from './referral-lib/referrers.js';
import {
  checkLedger,
  cpuSampler,
  percentiles,
  rewardChecks,
} from './referral-lib/reward-checks.js';
import {
  createBenchServices,
  ensureBuilt,
  profileArgs,
  startService,
  type Service,
} from './referral-lib/stack.js';

const referrerCount = numberFlag('referrers', 100);
const referralCount = numberFlag('referrals', 3000);
const from = stringFlag('from', ['qualification', 'signup'] as const, 'qualification');
const concurrency = numberFlag('concurrency', 500);
const poolMax = numberFlag('pool', 10);
const TARGET_PER_SECOND = 1000;

const machine = conditions();
printConditions(machine);
ensureBuilt('api');
ensureBuilt('realtime');
const services = await createBenchServices('rewards');
const pool = createPool({
  connectionString: services.databaseUrl,
  max: 8,
  applicationName: 'bench',
});
const jobs = createJobQueues({ url: services.redisUrl }, services.redisPrefix);
const redis = createRedis(services.redisUrl);
const running: Service[] = [];
const common = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  REDIS_PREFIX: services.redisPrefix,
  JWT_SECRET: services.jwtSecret,
};

try {
  const campaignId = await insertTestCampaign(pool, { budget: referralCount * 200 });
  const referrers = await createReferrers(pool, {
    count: referrerCount,
    campaignId,
    jwtSecret: services.jwtSecret,
  });
  const referees = await insertReferees(pool, referralCount);
  // Friend i was invited by referrer i mod N.
  const referrerOf = (i: number) => referrers[i % referrers.length] as (typeof referrers)[number];
  const touchedAt = new Date();

  if (from === 'qualification') {
    console.log(`attributing ${referralCount} referrals (setup, not timed)…`);
    for (let i = 0; i < referees.length; i += 16) {
      await Promise.all(
        referees
          .slice(i, i + 16)
          .map((refereeId, j) =>
            attributeReferral(pool, { refereeId, code: referrerOf(i + j).code, touchedAt }),
          ),
      );
    }
  }

  const realtime = await startService(
    'realtime',
    'apps/realtime/dist/main.js',
    { ...common, HOST: '127.0.0.1', ALLOW_NO_ORIGIN: 'true' },
    { nodeArgs: profileArgs('realtime') },
  );
  running.push(realtime);
  const worker = await startService(
    'worker',
    'apps/api/dist/worker.js',
    {
      ...common,
      REFERRALS_WORKER_CONCURRENCY: String(concurrency),
      DATABASE_POOL_MAX: String(poolMax),
    },
    { portEnv: 'WORKER_METRICS_PORT', readyPath: '/healthz', nodeArgs: profileArgs('worker') },
  );
  running.push(worker);
  const sockets = await connectReferrers(realtime.url, referrers);
  console.log(
    `${referrerCount} referrers connected; ${referralCount} referrals from ${from}, worker concurrency ${concurrency}, pool ${poolMax}…`,
  );

  const cpu = await cpuSampler({
    pool,
    databaseName: services.databaseName,
    redis,
    pids: { worker: worker.child.pid, realtime: realtime.child.pid },
  });
  const cpuBefore = await cpu.sample();
  const t0 = performance.now();
  const enqueuedAt = new Map<string, number>();
  await Promise.all(
    referees.map(async (refereeId, i) => {
      if (from === 'qualification')
        await jobs.enqueueQualification({ refereeId, action: 'signup' });
      else
        await jobs.enqueueAttribution({
          refereeId,
          code: referrerOf(i).code,
          touchedAt: touchedAt.toISOString(),
        });
      enqueuedAt.set(refereeId, performance.now());
    }),
  );
  const enqueueMs = performance.now() - t0;
  const complete = await sockets.untilWallets(referralCount, 30_000 + referralCount * 20);
  const seconds = ((complete ? sockets.lastWalletAt() : performance.now()) - t0) / 1000;
  const cpuAfter = await cpu.sample();

  const ledger = await checkLedger(pool, campaignId);
  const expected = new Map<string, number>();
  referees.forEach((_, i) =>
    expected.set(referrerOf(i).id, (expected.get(referrerOf(i).id) ?? 0) + 1),
  );
  const checks = rewardChecks({ sockets, ledger, expected, complete, referralCount });
  const perSecond = Math.round(referralCount / seconds);
  // Latency of one reward: its job enqueued → its referrer told (referral:updated, rewarded).
  const refereeOfReferral = await ledger.refereeByReferral();
  const latencies = [...sockets.rewardedAt.entries()].flatMap(([referralId, at]) => {
    const start = enqueuedAt.get(refereeOfReferral.get(referralId) ?? '');
    return start === undefined ? [] : [at - start];
  });
  const latencyMs = percentiles(latencies);
  const { cpuPerReward, serverMs } = cpu.perReward(cpuBefore, cpuAfter, referralCount);
  // What this machine could sustain if the pipeline had every core to itself (the clients' share aside).
  const impliedPerSecond = serverMs > 0 ? Math.round((machine.cpus * 1000) / serverMs) : null;
  const ranks = [...sockets.tallies.values()].reduce((sum, t) => sum + t.ranks, 0);

  console.log(
    `\n${referralCount} rewards to ${referrerCount} connected referrers (from ${from}): ${seconds.toFixed(2)} s → ${perSecond} rewards/s (target ≥ ${TARGET_PER_SECOND})`,
  );
  console.log(
    `enqueueing took ${enqueueMs.toFixed(0)} ms; per-reward latency enqueue → referrer told: p50 ${latencyMs.p50} ms, p99 ${latencyMs.p99} ms, max ${latencyMs.max} ms`,
  );
  console.log(
    `CPU per reward (ms): worker ${cpuPerReward.workerMs ?? '?'}, Postgres backends ${cpuPerReward.postgresMs ?? '?'}, realtime ${cpuPerReward.realtimeMs ?? '?'}, redis-server ${cpuPerReward.redisServerMs ?? '?'} (whole server, shared), bench process (enqueue + sockets) ${cpuPerReward.benchProcessMs ?? '?'}`,
  );
  console.log(
    `server-side CPU ${serverMs.toFixed(2)} ms/reward → about ${impliedPerSecond ?? '?'} rewards/s if the ${machine.cpus} cores were the pipeline's alone; ${ranks} leaderboard:rank events delivered`,
  );
  console.log(
    `ledger: ${ledger.referralsWithRewards} referrals with a reward, ${ledger.duplicateRewards} duplicated; sockets: ${sockets.walletsReceived()} wallet:updated`,
  );
  console.log(`checks: ${JSON.stringify(checks)}`);
  const file = writeResult('referral-rewards', {
    bench: 'referral-rewards',
    conditions: {
      ...machine,
      referrers: referrerCount,
      referrals: referralCount,
      from,
      workerConcurrency: concurrency,
      workerPoolMax: poolMax,
      workers: 1,
      realtimeProcesses: 1,
    },
    target: { rewardsPerSecond: TARGET_PER_SECOND },
    seconds: Number(seconds.toFixed(3)),
    rewardsPerSecond: perSecond,
    enqueueMs: Math.round(enqueueMs),
    latencyMs,
    cpuPerReward,
    serverCpuMsPerReward: Number(serverMs.toFixed(3)),
    impliedRewardsPerSecondOnIdleMachine: impliedPerSecond,
    leaderboardRankEvents: ranks,
    ledger: {
      referralsWithRewards: ledger.referralsWithRewards,
      duplicateRewards: ledger.duplicateRewards,
      rewardedReferrals: ledger.rewardedReferrals,
    },
    checks,
  });
  console.log(`written: ${file}`);
  sockets.close();
  if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
} finally {
  await Promise.all(running.map((s) => s.stop()));
  await jobs.close();
  redis.disconnect();
  await pool.end();
  await services.cleanup();
}
