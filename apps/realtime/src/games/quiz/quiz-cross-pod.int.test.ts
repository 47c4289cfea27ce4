import { createPool, createRedis, quizKeys, type Pool, type Redis } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '@playloop/core/testing';
import {
  scoreAnswer,
  type TQuizEndedEvent,
  type TQuizRevealEvent,
  type TWallet,
} from '@playloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRealtime, waitForReady, type RealtimeProcess } from '../../../test/child-process.js';
import { realtimeTestEnv } from '../../../test/env.js';
import { QuizBot } from './testing/quiz-player.js';
import { insertQuestions, insertSession, tokenFor } from './testing/quiz-fixtures.js';

const PLAYERS = 60;
const CORRECT = [1, 3, 0];
const TIME_LIMIT_MS = 2000;

/**
 * Two realtime pods as real processes over one Redis, 60 real socket.io clients split between
 * them, one whole live session: every answer counts exactly once wherever it arrived, and every
 * player on either pod sees the same leaderboard.
 */
describe('live quiz across two pods', () => {
  let db: TestDatabase;
  const redisNs = createTestRedisPrefix();
  let pods: RealtimeProcess[] = [];
  let pool: Pool;
  let redis: Redis;
  let sessionId: string | null = null;
  const bots: QuizBot[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool({ connectionString: db.url, max: 3 });
    redis = createRedis(redisNs.url);
    const env = realtimeTestEnv(
      { databaseUrl: db.url, redisUrl: redisNs.url, redisPrefix: redisNs.prefix },
      { LOG_LEVEL: 'warn' },
    );
    pods = await Promise.all([spawnRealtime(env), spawnRealtime(env)]);
    // Generous: several test files may be compiling pods (tsx) on the same two cores at once.
    await Promise.all(pods.map((p) => waitForReady(p, 60_000)));
    const campaignId = await insertTestCampaign(pool);
    const questionIds = await insertQuestions(
      pool,
      campaignId,
      CORRECT.map((correctIndex) => ({ correctIndex })),
    );
    for (let i = 0; i < PLAYERS; i++) {
      const { id } = await insertTestUser(pool);
      // Player i picks (i + q) % 4 after a random pause: some right, some wrong, some fast, some slow.
      const bot = new QuizBot(
        id,
        (pods[i % 2] as RealtimeProcess).url,
        tokenFor(id),
        () => sessionId,
        (q) => (i + q) % 4,
      );
      const original = bot.tryAnswer.bind(bot);
      bot.tryAnswer = (q, deadline) =>
        new Promise((r) => setTimeout(r, Math.random() * 800)).then(() => original(q, deadline));
      bots.push(bot);
    }
    await Promise.all(bots.map((b) => b.connected()));
    sessionId = await insertSession(pool, {
      campaignId,
      questionIds,
      startsInMs: 4000,
      timeLimitMs: TIME_LIMIT_MS,
    });
    await Promise.all(bots.map((b) => b.join()));
  }, 120_000);

  afterAll(async () => {
    bots.forEach((b) => b.close());
    await Promise.all(pods.map((p) => p.stop()));
    redis?.disconnect();
    await pool?.end();
    await redisNs.cleanup();
    await db?.drop();
  });

  it('plays the whole session: each answer counted once, the same leaderboard on both pods', async () => {
    const endings = await Promise.all(
      bots.map((b) => b.waitFor<TQuizEndedEvent>('quiz:ended', () => true, 45_000)),
    );
    const id = sessionId as string;
    const keys = quizKeys(redisNs.prefix);

    for (const [q, correct] of CORRECT.entries()) {
      const accepted = bots.map((b) => b.accepted(q)).filter((a) => a !== undefined);
      expect(accepted, `every player's answer to q${q} was taken`).toHaveLength(PLAYERS);
      expect(await redis.hlen(keys.answers(id, q)), `answers stored for q${q}`).toBe(PLAYERS);

      const reveals = await Promise.all(
        bots.map((b) => b.waitFor<TQuizRevealEvent>('quiz:reveal', (e) => e.questionIndex === q)),
      );
      const expectedDistribution = [0, 0, 0, 0];
      for (const a of accepted)
        expectedDistribution[a.answerIndex] = (expectedDistribution[a.answerIndex] ?? 0) + 1;
      for (const reveal of reveals) {
        expect(reveal.correctIndex).toBe(correct);
        expect(reveal.distribution).toEqual(expectedDistribution);
        expect(reveal.answeredCount).toBe(PLAYERS);
        expect(reveal.top).toEqual(reveals[0]?.top);
      }
    }
    for (const bot of bots) {
      expect(bot.duplicates.map((d) => (d.ok ? 'OK' : d.error.code))).toEqual(
        CORRECT.map(() => 'QUIZ_ALREADY_ANSWERED'),
      );
    }

    // Scores follow from what each player's acks said (server-measured time), nothing else.
    let streaks = bots.map(() => 0);
    const totals = bots.map(() => 0);
    for (const [q, correct] of CORRECT.entries()) {
      streaks = bots.map((bot, i) => {
        const a = bot.accepted(q);
        const elapsedMs = a?.ack.ok ? a.ack.data.elapsedMs : 0;
        const s = scoreAnswer({
          isCorrect: a?.answerIndex === correct,
          elapsedMs,
          timeLimitMs: TIME_LIMIT_MS,
          streakBefore: streaks[i] as number,
          isFlagged: elapsedMs < 250,
        });
        totals[i] = (totals[i] as number) + s.points;
        return s.streak;
      });
    }
    endings.forEach((ended, i) => {
      expect(ended.you?.score, bots[i]?.userId).toBe(totals[i]);
      expect(ended.top).toEqual(endings[0]?.top);
      expect(ended.playerCount).toBe(PLAYERS);
    });
    const best = Math.max(...totals);
    expect(endings[0]?.top[0]?.score).toBe(best);
  });

  it('settles once: a result per player, one reward transaction each, wallets pushed live', async () => {
    const id = sessionId as string;
    await expect
      .poll(
        async () =>
          (await pool.query(`select status from quiz_sessions where id = $1`, [id])).rows[0]
            ?.status,
        { timeout: 20_000 },
      )
      .toBe('settled');
    const { rows } = await pool.query<{ n: string; paid: string }>(
      `select count(*) as n, count(reward_transaction_id) as paid from quiz_results where session_id = $1`,
      [id],
    );
    expect(Number(rows[0]?.n)).toBe(PLAYERS);
    const { rows: tx } = await pool.query<{ n: string }>(
      `select count(*) as n from ledger_transactions where idempotency_key like $1`,
      [`quiz-reward:${id}:%`],
    );
    expect(Number(tx[0]?.n)).toBe(Number(rows[0]?.paid));
    expect(Number(rows[0]?.paid)).toBe(PLAYERS);

    // Each player's open socket, on either pod, hears of the reward without asking: the balance
    // it shows is the reward the ended event announced (these players had nothing before).
    for (const bot of bots) {
      const ended = await bot.waitFor<TQuizEndedEvent>('quiz:ended');
      const wallet = await bot.waitFor<TWallet>('wallet:updated', () => true, 10_000);
      expect(wallet.points, bot.userId).toBe(ended.you?.rewardPoints);
      expect(wallet.points).toBeGreaterThan(0);
    }
  });
});
