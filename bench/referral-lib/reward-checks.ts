// What must hold after a rewards run, read from Postgres: every referral paid once, none twice.
import type { Pool } from '@playloop/core';
import type { ReferrerSockets } from './referrer-sockets.js';

import { cpuMs } from './load.js';

export async function checkLedger(pool: Pool, campaignId: string) {
  const { rows } = await pool.query<{ with_rewards: number; duplicates: number; rewarded: number }>(
    `select
       (select count(distinct memo->>'referralId')::int from ledger_transactions where kind = 'referral_reward' and campaign_id = $1) as with_rewards,
       (select count(*)::int from (select 1 from ledger_transactions where kind = 'referral_reward' and campaign_id = $1
          group by memo->>'referralId' having count(*) > 1) d) as duplicates,
       (select count(*)::int from referrals where campaign_id = $1 and status = 'rewarded') as rewarded`,
    [campaignId],
  );
  const row = rows[0] ?? { with_rewards: 0, duplicates: 0, rewarded: 0 };
  return {
    referralsWithRewards: row.with_rewards,
    duplicateRewards: row.duplicates,
    rewardedReferrals: row.rewarded,
    async refereeByReferral(): Promise<Map<string, string>> {
      const { rows: pairs } = await pool.query<{ id: string; referee_id: string }>(
        'select id, referee_id from referrals where campaign_id = $1',
        [campaignId],
      );
      return new Map(pairs.map((p) => [p.id, p.referee_id]));
    },
  };
}

export function percentiles(values: number[]): {
  p50: number;
  p90: number;
  p99: number;
  max: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  return { p50: at(50), p90: at(90), p99: at(99), max: Math.round(sorted.at(-1) ?? 0) };
}

/** CPU (ms) of the Postgres backends serving `databaseName` right now, from /proc (null elsewhere). */
export async function postgresCpuMs(pool: Pool, databaseName: string): Promise<number | null> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [databaseName],
  );
  let total = 0;
  for (const { pid } of rows) {
    const ms = cpuMs(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

/** The redis-server's pid when it runs on this machine (INFO says), for its CPU time. */
export async function redisServerPid(redis: {
  info(section: string): Promise<string>;
}): Promise<number | undefined> {
  const pid = /process_id:(\d+)/.exec(await redis.info('server'))?.[1];
  return pid ? Number(pid) : undefined;
}

/** What must hold once the run is over, in the ledger and on the referrers' sockets. */
export function rewardChecks(run: {
  sockets: ReferrerSockets;
  ledger: Awaited<ReturnType<typeof checkLedger>>;
  expected: Map<string, number>;
  complete: boolean;
  referralCount: number;
}) {
  const { sockets, ledger, expected, referralCount } = run;
  const tallies = [...sockets.tallies.entries()];
  const rewardedIds = tallies.flatMap(([, t]) => t.rewardedReferralIds);
  return {
    allRewarded: run.complete && ledger.rewardedReferrals === referralCount,
    oneLedgerRewardPerReferral:
      ledger.referralsWithRewards === referralCount && ledger.duplicateRewards === 0,
    oneWalletEventPerReward: sockets.walletsReceived() === referralCount,
    // Each reward is 100 points to the referrer (the bench campaign's rule).
    eachReferrerToldOncePerFriend: tallies.every(
      ([id, t]) =>
        t.wallets === (expected.get(id) ?? 0) && t.lastPoints === 100 * (expected.get(id) ?? 0),
    ),
    noReferralAnnouncedRewardedTwice:
      new Set(rewardedIds).size === rewardedIds.length && rewardedIds.length === referralCount,
    payloadsValid: sockets.invalidPayloads() === 0,
  };
}

type CpuSample = Record<'worker' | 'realtime' | 'bench' | 'postgres' | 'redis', number | null>;

/** CPU time of every process in the pipeline, sampled before and after the timed part. */
export async function cpuSampler(deps: {
  pool: Pool;
  databaseName: string;
  redis: { info(section: string): Promise<string> };
  pids: { worker?: number; realtime?: number };
}) {
  const redisPid = await redisServerPid(deps.redis);
  return {
    async sample(): Promise<CpuSample> {
      return {
        worker: cpuMs(deps.pids.worker),
        realtime: cpuMs(deps.pids.realtime),
        bench: cpuMs(process.pid),
        postgres: await postgresCpuMs(deps.pool, deps.databaseName),
        redis: cpuMs(redisPid),
      };
    },
    /** Per reward; `serverMs` leaves out the bench process (enqueueing and the referrers' sockets). */
    perReward(before: CpuSample, after: CpuSample, n: number) {
      const per = (k: keyof CpuSample) => {
        const a = after[k];
        const b = before[k];
        return a !== null && b !== null ? Number(((a - b) / n).toFixed(3)) : null;
      };
      const cpuPerReward = {
        workerMs: per('worker'),
        postgresMs: per('postgres'),
        realtimeMs: per('realtime'),
        redisServerMs: per('redis'),
        benchProcessMs: per('bench'),
      };
      const serverMs = Number(
        [
          cpuPerReward.workerMs,
          cpuPerReward.postgresMs,
          cpuPerReward.realtimeMs,
          cpuPerReward.redisServerMs,
        ]
          .reduce<number>((s, v) => s + (v ?? 0), 0)
          .toFixed(3),
      );
      return { cpuPerReward, serverMs };
    },
  };
}
