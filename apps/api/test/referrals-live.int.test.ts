import { performance } from 'node:perf_hooks';
import { insertTestCampaign } from '@playloop/core/testing';
import {
  ServerEventSchemas,
  ZMyLink,
  ZSession,
  type TRankChange,
  type TReferralItem,
  type TWallet,
} from '@playloop/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  spawnRealtime,
  waitForReady,
  type RealtimeProcess,
} from '../../realtime/test/child-process.js';
import { connectClient } from '../../realtime/test/clients.js';
import { realtimeTestEnv, TEST_JWT_SECRET } from '../../realtime/test/env.js';
import { client, PASSWORD, startTestApi, uniqueEmail, type TestApi } from './harness.js';
import { startTestWorker } from './worker-harness.js';

/**
 * The referral loop as a referrer lives it: a real api and worker in process, two realtime pods as
 * child processes, one Redis. A friend signs up through the referrer's link; the referrer's open
 * socket, on either pod, hears about the friend, the reward and the new rank within a second.
 */
const LIVE_BOUND_MS = 1_000;
type LiveEvent = 'referral:updated' | 'wallet:updated' | 'leaderboard:rank';
interface Heard {
  name: LiveEvent;
  payload: unknown;
  at: number;
}

let api: TestApi;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let pods: RealtimeProcess[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  // The realtime pods verify the api's access tokens: one secret for both.
  api = await startTestApi({ JWT_SECRET: TEST_JWT_SECRET });
  worker = await startTestWorker(api);
  const env = realtimeTestEnv(
    { databaseUrl: api.db.url, redisUrl: api.redisNs.url, redisPrefix: api.redisNs.prefix },
    { LOG_LEVEL: 'warn' },
  );
  pods = await Promise.all([spawnRealtime(env), spawnRealtime(env)]);
  await Promise.all(pods.map((pod) => waitForReady(pod)));
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(pods.map((pod) => pod.stop()));
  await worker?.close();
  await api?.stop();
});

/** Everything a socket hears of the referral loop, stamped on arrival; `until` waits for a match. */
function listen(socket: Socket) {
  const heard: Heard[] = [];
  const waiters: Array<{ match: (h: Heard) => boolean; resolve: (h: Heard) => void }> = [];
  for (const name of ['referral:updated', 'wallet:updated', 'leaderboard:rank'] as const) {
    socket.on(name, (payload: unknown) => {
      const h = { name, payload, at: performance.now() };
      heard.push(h);
      for (const w of waiters.filter((w) => w.match(h))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(h);
      }
    });
  }
  return {
    heard,
    until(match: (h: Heard) => boolean, timeoutMs = 10_000): Promise<Heard> {
      const already = heard.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`not heard within ${timeoutMs} ms; heard: ${JSON.stringify(heard)}`)),
          timeoutMs,
        );
        waiters.push({ match, resolve: (h) => (clearTimeout(timer), resolve(h)) });
      });
    },
  };
}

/** A friend opens the invite link in a browser, keeps its cookies, and signs up. */
async function friendSignsUpThrough(code: string, displayName: string) {
  const click = await fetch(`${api.base}/r/${code}`, {
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
    redirect: 'manual',
  });
  expect(click.status).toBe(302);
  const cookie = click.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  expect(cookie).toMatch(new RegExp(`pl_ref=${code}\\.\\d+`));
  const res = await client(api.base).call('POST', '/api/auth/signup', {
    body: { email: uniqueEmail('friend'), password: PASSWORD, displayName },
    headers: { cookie, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
  });
  const answeredAt = performance.now();
  expect(res.status).toBe(201);
  return { session: ZSession.parse(res.json), answeredAt };
}

describe('a referrer watching live while a friend joins', () => {
  it.each([
    ['pod 1', 0],
    ['pod 2', 1],
  ])(
    'the referrer on %s hears of the friend, the reward and the rank within a second of sign-up',
    async (label, podIndex) => {
      // A campaign of its own, so the referrer starts unranked and the first reward puts them first.
      const campaignId = await insertTestCampaign(api.services.pool, {
        referrerPoints: 100,
        refereePoints: 50,
        referrerSpins: 1,
      });
      const referrer = client(api.base);
      const session = ZSession.parse(
        (
          await referrer.call('POST', '/api/auth/signup', {
            body: { email: uniqueEmail('referrer'), password: PASSWORD, displayName: 'Ada' },
          })
        ).json,
      );
      const link = ZMyLink.parse(
        (
          await referrer.call('GET', `/api/referrals/link?campaignId=${campaignId}`, {
            token: session.accessToken,
          })
        ).json,
      );

      const socket = await connectClient((pods[podIndex] as RealtimeProcess).url, {
        auth: { token: session.accessToken },
      });
      sockets.push(socket);
      const ear = listen(socket);

      const friendName = `Bea ${label}`;
      const friend = await friendSignsUpThrough(link.code, friendName);
      const rewarded = await ear.until((h) => h.name === 'wallet:updated');
      const ranked = await ear.until((h) => h.name === 'leaderboard:rank');

      // Every payload is what the contract promises the SPA.
      const referralUpdates = ear.heard
        .filter((h) => h.name === 'referral:updated')
        .map((h) => ServerEventSchemas['referral:updated'].parse(h.payload) as TReferralItem);
      const wallet: TWallet = ServerEventSchemas['wallet:updated'].parse(rewarded.payload);
      const rank: TRankChange = ServerEventSchemas['leaderboard:rank'].parse(ranked.payload);

      // First the friend appears (attributed), then the same referral is rewarded, then money, then rank.
      expect(ear.heard.map((h) => h.name)).toEqual([
        'referral:updated',
        'referral:updated',
        'wallet:updated',
        'leaderboard:rank',
      ]);
      expect(referralUpdates.map((r) => [r.refereeName, r.status, r.campaignId])).toEqual([
        [friendName, 'pending', campaignId],
        [friendName, 'rewarded', campaignId],
      ]);
      expect(new Set(referralUpdates.map((r) => r.id)).size).toBe(1);
      expect(referralUpdates[1]?.rewardedAt).not.toBeNull();
      expect(wallet).toEqual({ points: 100, pointsHeld: 0, spins: 1 });
      expect(rank).toEqual({ campaignId, rank: 1, previousRank: null, score: 1 });

      // Credited once in the ledger, and the friend earned their side too.
      const { rows } = await api.services.pool.query<{ n: number }>(
        `select count(*)::int as n from ledger_transactions where kind = 'referral_reward' and memo->>'referralId' = $1`,
        [referralUpdates[0]?.id],
      );
      expect(rows[0]?.n).toBe(1);
      const friendWallet = await client(api.base).call('GET', '/api/wallet', {
        token: friend.session.accessToken,
      });
      expect(friendWallet.json).toMatchObject({ wallet: { points: 50 } });

      const heardFriendMs = (ear.heard[0] as Heard).at - friend.answeredAt;
      const rewardMs = rewarded.at - friend.answeredAt;
      process.stdout.write(
        `[referrals-live] referrer on ${label}: friend shown ${heardFriendMs.toFixed(0)} ms, reward ${rewardMs.toFixed(0)} ms, rank ${(ranked.at - friend.answeredAt).toFixed(0)} ms after the sign-up response\n`,
      );
      expect(rewardMs).toBeLessThan(LIVE_BOUND_MS);
    },
  );
});
