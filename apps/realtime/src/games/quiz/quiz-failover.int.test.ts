import { createPool, createRedis, quizKeys, type Pool, type Redis } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '@playloop/core/testing';
import type { TQuizEndedEvent, TQuizQuestionEvent, TQuizRevealEvent } from '@playloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRealtime, waitForReady, type RealtimeProcess } from '../../../test/child-process.js';
import { realtimeTestEnv } from '../../../test/env.js';
import { QuizBot } from './testing/quiz-player.js';
import { insertQuestions, insertSession, tokenFor } from './testing/quiz-fixtures.js';
import { startTcpBalancer } from './testing/tcp-balancer.js';

const PLAYERS = 40;
const CORRECT = [0, 2, 1];
const FAILOVER_Q = 1;
const TIME_LIMIT_MS = 6000;

/**
 * The conducting pod is SIGKILLed in the middle of a question. Clients connect through a TCP
 * balancer (as they would through the platform's Service/Route), so the clients of the dead pod
 * reconnect by themselves, through the same address, to the surviving pod, rejoin from a
 * snapshot and go on. Half the players answered before the kill, half after.
 */
describe('live quiz: the conductor dies mid-question', () => {
  let db: TestDatabase;
  const redisNs = createTestRedisPrefix();
  let pods: RealtimeProcess[] = [];
  let balancer: Awaited<ReturnType<typeof startTcpBalancer>>;
  let pool: Pool;
  let redis: Redis;
  let sessionId: string | null = null;
  let released = false;
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
    balancer = await startTcpBalancer(
      pods.map((p) => ({ host: '127.0.0.1', port: Number(new URL(p.url).port) })),
    );
    const campaignId = await insertTestCampaign(pool);
    const questionIds = await insertQuestions(
      pool,
      campaignId,
      CORRECT.map((correctIndex) => ({ correctIndex })),
    );
    for (let i = 0; i < PLAYERS; i++) {
      const { id } = await insertTestUser(pool);
      // Odd players hold their answer to the failover question until the conductor is dead.
      const mayAnswer = (q: number) => q !== FAILOVER_Q || i % 2 === 0 || released;
      bots.push(
        new QuizBot(
          id,
          balancer.url,
          tokenFor(id),
          () => sessionId,
          (q) => (i + q) % 4,
          mayAnswer,
          { reconnection: true },
        ),
      );
    }
    await Promise.all(bots.map((b) => b.connected()));
    sessionId = await insertSession(pool, {
      campaignId,
      questionIds,
      startsInMs: 3000,
      timeLimitMs: TIME_LIMIT_MS,
    });
    await Promise.all(bots.map((b) => b.join()));
  }, 120_000);

  afterAll(async () => {
    bots.forEach((b) => b.close());
    await balancer?.close();
    await Promise.all(pods.map((p) => p.stop()));
    redis?.disconnect();
    await pool?.end();
    await redisNs.cleanup();
    await db?.drop();
  });

  it('another pod carries the session on within 5 s, clients reconnect by themselves, no answer is lost', async () => {
    const id = sessionId as string;
    const keys = quizKeys(redisNs.prefix);
    for (const pod of pods)
      expect(
        balancer.connectionsTo(Number(new URL(pod.url).port)),
        'clients spread over both pods',
      ).toBeGreaterThan(5);

    const question = await bots[0]?.waitFor<TQuizQuestionEvent>(
      'quiz:question',
      (e) => e.question.index === FAILOVER_Q,
    );
    await expect
      .poll(() => bots.filter((b, i) => i % 2 === 0 && b.accepted(FAILOVER_Q)).length, {
        timeout: 4000,
      })
      .toBe(PLAYERS / 2);

    const holder = await redis.get(keys.lease(id));
    const conductor = pods.find((p) => holder?.split(':')[1] === String(p.pid));
    expect(conductor, `lease holder ${holder} is one of our pods`).toBeDefined();
    const survivor = pods.find((p) => p !== conductor) as RealtimeProcess;
    const killedAt = Date.now();
    process.kill((conductor as RealtimeProcess).pid, 'SIGKILL');
    released = true;
    for (const bot of bots) void bot.tryAnswer(FAILOVER_Q, question?.deadline ?? 0);

    await expect
      .poll(async () => (await redis.get(keys.lease(id)))?.split(':')[1], {
        timeout: 5000,
        interval: 50,
      })
      .toBe(String(survivor.pid));
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs, `lease taken over ${takeoverMs} ms after SIGKILL`).toBeLessThan(5000);

    const reveals = await Promise.all(
      bots.map((b) =>
        b.waitFor<TQuizRevealEvent>('quiz:reveal', (e) => e.questionIndex === FAILOVER_Q, 20_000),
      ),
    );
    const accepted = bots.map((b) => b.accepted(FAILOVER_Q)).filter((a) => a !== undefined);
    expect(accepted).toHaveLength(PLAYERS);
    const expected = [0, 0, 0, 0];
    for (const a of accepted) expected[a.answerIndex] = (expected[a.answerIndex] ?? 0) + 1;
    for (const reveal of reveals) {
      expect(reveal.distribution).toEqual(expected);
      expect(reveal.answeredCount).toBe(PLAYERS);
      expect(reveal.top).toEqual(reveals[0]?.top);
    }
    expect(await redis.hlen(keys.answers(id, FAILOVER_Q))).toBe(PLAYERS);

    const moved = bots.filter((b) => b.disconnects > 0);
    expect(moved.length, 'clients of the killed pod were cut off').toBeGreaterThan(0);
    const endings = await Promise.all(
      bots.map((b) => b.waitFor<TQuizEndedEvent>('quiz:ended', () => true, 40_000)),
    );
    for (const bot of moved) expect(bot.socket.connected).toBe(true);
    for (const ended of endings) {
      expect(ended.top).toEqual(endings[0]?.top);
      expect(ended.you?.answeredCount).toBe(CORRECT.length);
    }
    await expect
      .poll(
        async () =>
          (await pool.query(`select status from quiz_sessions where id = $1`, [id])).rows[0]
            ?.status,
        { timeout: 20_000 },
      )
      .toBe('settled');
    const { rows } = await pool.query<{ n: string }>(
      `select count(*) as n from quiz_results where session_id = $1 and answered_count = $2`,
      [id, CORRECT.length],
    );
    expect(Number(rows[0]?.n)).toBe(PLAYERS);
  });
});
