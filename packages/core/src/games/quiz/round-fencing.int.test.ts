import { createTestRedisPrefix } from '../../testing/redis.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../redis/client.js';
import { quizKeys } from './keys.js';
import { createLease } from './lease.js';
import { transitionRound } from './round-scripts.js';
import { recordQuizAnswer } from './record-answer.js';

/** The lease and the round scripts on a real Redis: one conductor at a time, answers judged on the Redis clock. */
describe('quiz lease and round transitions', () => {
  const ns = createTestRedisPrefix();
  const redis = createRedis(ns.url);
  const keys = quizKeys(ns.prefix);
  afterAll(async () => {
    redis.disconnect();
    await ns.cleanup();
  });

  it('grants a lease to one pod, lets only the holder renew or release it, and frees it when it expires', async () => {
    const key = keys.lease('qzs_leaseleaseleaselease');
    const a = createLease(redis, { holder: 'pod-a', ttlMs: 300 });
    const b = createLease(redis, { holder: 'pod-b', ttlMs: 300 });
    expect(await a.acquire(key)).toBe(true);
    expect(await b.acquire(key)).toBe(false);
    expect(await b.renew(key)).toBe(false);
    expect(await b.release(key)).toBe(false);
    expect(await a.renew(key)).toBe(true);
    await expect.poll(() => b.acquire(key), { timeout: 2000, interval: 50 }).toBe(true);
    expect(await a.renew(key)).toBe(false);
    expect(await b.holderOf(key)).toBe('pod-b');
  });

  it('refuses every transition from a pod that lost the lease, and stale or early ones from the holder', async () => {
    const s = 'qzs_fencefencefencefenc';
    const holder = createLease(redis, { holder: 'pod-a', ttlMs: 10_000 });
    await holder.acquire(keys.lease(s));
    const lobby = {
      from: null,
      to: { phase: 'lobby' as const, q: -1 },
      fields: { startsAt: String(Date.now() + 60_000), count: '1', payload: '' },
    };
    expect(await transitionRound(redis, keys, s, 'pod-b', lobby)).toEqual({ status: 'lost' });
    expect((await transitionRound(redis, keys, s, 'pod-a', lobby)).status).toBe('ok');
    expect(await transitionRound(redis, keys, s, 'pod-a', lobby)).toEqual({ status: 'stale' });
    const start = {
      from: { phase: 'lobby' as const, q: -1 },
      dueField: 'startsAt' as const,
      to: { phase: 'question' as const, q: 0 },
      fields: { choices: '2', payload: '{}' },
      stampNow: 'startedAt',
      stampAfter: { field: 'deadline', afterMs: 200 },
    };
    const early = await transitionRound(redis, keys, s, 'pod-a', start);
    expect(early.status).toBe('wait');
    await redis.hset(keys.state(s), 'startsAt', '0');
    expect((await transitionRound(redis, keys, s, 'pod-a', start)).status).toBe('ok');

    await redis.hset(keys.roster(s), 'usr_player0000000000000', '0');
    const answer = { sessionId: s, questionIndex: 0, answerIndex: 1 };
    await expect(
      recordQuizAnswer(redis, keys, 'usr_player0000000000000', answer),
    ).resolves.toMatchObject({ answerIndex: 1 });
    await expect(
      recordQuizAnswer(redis, keys, 'usr_player0000000000000', answer),
    ).rejects.toMatchObject({ code: 'QUIZ_ALREADY_ANSWERED' });
    await expect(
      recordQuizAnswer(redis, keys, 'usr_stranger000000000000', answer),
    ).rejects.toMatchObject({ code: 'QUIZ_NOT_JOINED' });
    // The deadline is checked on the Redis clock, whatever this process's clock says.
    await redis.hset(keys.roster(s), 'usr_late0000000000000000', '0');
    const deadline = Number(await redis.hget(keys.state(s), 'deadline'));
    const redisNow = async () => {
      const [sec, micro] = await redis.time();
      return Number(sec) * 1000 + Math.floor(Number(micro) / 1000);
    };
    await expect.poll(redisNow, { timeout: 2000, interval: 50 }).toBeGreaterThan(deadline);
    await expect(
      recordQuizAnswer(redis, keys, 'usr_late0000000000000000', answer),
    ).rejects.toMatchObject({ code: 'QUIZ_ANSWER_LATE' });
  });
});
