import { afterAll, describe, expect, it } from 'vitest';
import { createTestRedisPrefix } from '../../testing/redis.js';
import { createRedis } from '../../redis/client.js';
import { QUIZ_ANSWER_GRACE_MS } from './answer-script.js';
import { quizKeys } from './keys.js';
import { createLease } from './lease.js';
import { createAnswerRecorder, recordQuizAnswer } from './record-answer.js';
import { transitionRound } from './round-scripts.js';

const TIME_LIMIT_MS = 300;

/**
 * Answers are judged by when the pod received them (its clock follows Redis TIME), within a
 * bounded grace after the deadline, so a pod busy with a burst does not turn on-time answers into
 * late ones; and a pod cannot make an answer look faster or earlier than the grace allows.
 */
describe('quiz answers: receipt time, grace and batches', () => {
  const ns = createTestRedisPrefix();
  const redis = createRedis(ns.url);
  const keys = quizKeys(ns.prefix);
  afterAll(async () => {
    redis.disconnect();
    await ns.cleanup();
  });
  const redisNow = async () => {
    const [sec, micro] = await redis.time();
    return Number(sec) * 1000 + Math.floor(Number(micro) / 1000);
  };

  /** A session whose question 0 is open now, with `players` on the roster. */
  async function openQuestion(s: string, players: string[]) {
    await createLease(redis, { holder: 'pod-a', ttlMs: 30_000 }).acquire(keys.lease(s));
    await transitionRound(redis, keys, s, 'pod-a', {
      from: null,
      to: { phase: 'lobby', q: -1 },
      fields: { startsAt: '0', count: '1', payload: '' },
    });
    await transitionRound(redis, keys, s, 'pod-a', {
      from: { phase: 'lobby', q: -1 },
      dueField: 'startsAt',
      to: { phase: 'question', q: 0 },
      fields: { choices: '4', payload: '{}' },
      stampNow: 'startedAt',
      stampAfter: { field: 'deadline', afterMs: TIME_LIMIT_MS },
    });
    for (const p of players) await redis.hset(keys.roster(s), p, '0');
    const state = await redis.hmget(keys.state(s), 'startedAt', 'deadline');
    return { startedAt: Number(state[0]), deadline: Number(state[1]) };
  }

  it('takes an answer received before the deadline but written after it, timed from its receipt', async () => {
    const s = 'qzs_receiptreceiptrecei';
    const { startedAt, deadline } = await openQuestion(s, [
      'usr_ontime00000000000000',
      'usr_late0000000000000000',
    ]);
    await expect.poll(redisNow, { timeout: 2000, interval: 20 }).toBeGreaterThan(deadline);
    const answer = { sessionId: s, questionIndex: 0, answerIndex: 2 };
    const ack = await recordQuizAnswer(
      redis,
      keys,
      'usr_ontime00000000000000',
      answer,
      deadline - 50,
    );
    expect(ack.elapsedMs).toBe(deadline - 50 - startedAt);

    // Past the grace, a receipt before the deadline is no longer believed.
    await expect
      .poll(redisNow, { timeout: 3000, interval: 20 })
      .toBeGreaterThan(deadline + QUIZ_ANSWER_GRACE_MS + 50);
    await expect(
      recordQuizAnswer(redis, keys, 'usr_late0000000000000000', answer, deadline - 50),
    ).rejects.toMatchObject({ code: 'QUIZ_ANSWER_LATE' });
  });

  it('never believes a receipt older than the grace or in the future', async () => {
    const s = 'qzs_forgedforgedforgedf';
    const { startedAt } = await openQuestion(s, [
      'usr_early000000000000000',
      'usr_future00000000000000',
    ]);
    await new Promise((r) => setTimeout(r, 200));
    const before = await redisNow();
    const answer = { sessionId: s, questionIndex: 0, answerIndex: 1 };
    // Claims to have been received before the question even opened: clamped to the grace.
    const early = await recordQuizAnswer(
      redis,
      keys,
      'usr_early000000000000000',
      answer,
      startedAt - 10_000,
    );
    expect(early.elapsedMs).toBeGreaterThanOrEqual(before - QUIZ_ANSWER_GRACE_MS - startedAt);
    // Claims a time after now: judged at the Redis time of writing instead.
    const future = await recordQuizAnswer(
      redis,
      keys,
      'usr_future00000000000000',
      answer,
      before + 60_000,
    );
    expect(future.elapsedMs).toBeGreaterThanOrEqual(before - startedAt);
    expect(future.elapsedMs).toBeLessThan(TIME_LIMIT_MS + 200);
  });

  it('writes a burst in one call per question and gives each answer its own outcome, in order', async () => {
    const s = 'qzs_burstburstburstburs';
    const players = Array.from({ length: 30 }, (_, i) => `usr_burst${String(i).padStart(15, '0')}`);
    await openQuestion(s, players);
    const recorder = createAnswerRecorder(redis, keys, Date.now, { maxBatch: 7 });
    const answer = (answerIndex: number) => ({ sessionId: s, questionIndex: 0, answerIndex });
    const outcomes = await Promise.allSettled([
      ...players.map((p, i) => recorder.record(p, answer(i % 4))),
      recorder.record(players[0] as string, answer(3)),
      recorder.record('usr_stranger000000000000', answer(0)),
      // Out of range for this question's four choices (checked before the duplicate).
      recorder.record(players[1] as string, answer(9)),
    ]);
    const codes = outcomes.map((o) =>
      o.status === 'fulfilled' ? 'OK' : (o.reason as { code: string }).code,
    );
    expect(codes).toEqual([
      ...players.map(() => 'OK'),
      'QUIZ_ALREADY_ANSWERED',
      'QUIZ_NOT_JOINED',
      'QUIZ_ANSWER_INVALID',
    ]);
    const stored = await redis.hgetall(keys.answers(s, 0));
    expect(Object.keys(stored).sort()).toEqual([...players].sort());
    players.forEach((p, i) => expect(stored[p]?.split(':')[0]).toBe(String(i % 4)));
  });
});
