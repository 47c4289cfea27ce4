import { createPool, type Pool } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '@playloop/core/testing';
import {
  scoreAnswer,
  ServerEventSchemas,
  ZQuizSnapshot,
  type TQuizEndedEvent,
  type TQuizQuestionEvent,
  type TQuizRevealEvent,
  type TQuizSnapshot,
} from '@playloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realtimeTestEnv } from '../../../test/env.js';
import { startInProcessRealtime, type InProcessRealtime } from '../../../test/in-process.js';
import { QuizTestClient } from './testing/quiz-client.js';
import { insertQuestions, insertSession, tokenFor } from './testing/quiz-fixtures.js';

const CORRECT = [2, 1, 3];
const TIME_LIMIT_MS = 3000;

/**
 * One live session on a real server, attacked from every side a client has: answers too early,
 * too late, twice, for someone else's question, with a forged score or an impossible index, and
 * a late joiner answering the question that was running when they arrived. Every event and ack
 * every client receives is kept and audited: no correct answer before its reveal.
 */
describe('live quiz: refusals and the secrecy of the answer', () => {
  let db: TestDatabase;
  const redisNs = createTestRedisPrefix();
  let server: InProcessRealtime;
  let pool: Pool;
  let sessionId: string;
  const clients: QuizTestClient[] = [];
  let alice: QuizTestClient, bob: QuizTestClient, mallory: QuizTestClient, carol: QuizTestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool({ connectionString: db.url, max: 2 });
    server = await startInProcessRealtime(
      realtimeTestEnv({ databaseUrl: db.url, redisUrl: redisNs.url, redisPrefix: redisNs.prefix }),
    );
    const campaignId = await insertTestCampaign(pool);
    const questionIds = await insertQuestions(pool, campaignId, [
      { correctIndex: CORRECT[0] as number },
      { correctIndex: CORRECT[1] as number, answers: ['Yes', 'No'] },
      { correctIndex: CORRECT[2] as number },
    ]);
    sessionId = await insertSession(pool, {
      campaignId,
      questionIds,
      startsInMs: 1500,
      timeLimitMs: TIME_LIMIT_MS,
    });
    const make = async () => {
      const { id } = await insertTestUser(pool);
      const c = new QuizTestClient(id, server.url, tokenFor(id));
      clients.push(c);
      await c.connected();
      return c;
    };
    [alice, bob, mallory, carol] = await Promise.all([make(), make(), make(), make()]);
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.close();
    await pool?.end();
    await redisNs.cleanup();
    await db?.drop();
  });

  const answer = (
    c: QuizTestClient,
    questionIndex: number,
    answerIndex: number,
    extra: Record<string, unknown> = {},
  ) => c.send('quiz:answer', { sessionId, questionIndex, answerIndex, ...extra });
  const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);

  it('plays a whole session and refuses every forged, early, late, duplicate or out-of-turn answer with its code', async () => {
    const outsider = await (async () => {
      const { id } = await insertTestUser(pool);
      const c = new QuizTestClient(id, server.url, tokenFor(id));
      clients.push(c);
      await c.connected();
      return c;
    })();
    for (const c of [alice, bob, mallory]) {
      const ack = await c.send<TQuizSnapshot>('quiz:join', { sessionId });
      expect(ack.ok).toBe(true);
      if (ack.ok) expect(ZQuizSnapshot.parse(ack.data).player?.eligibleFrom).toBe(0);
    }
    expect(codeOf(await answer(mallory, 0, 0))).toBe('QUIZ_QUESTION_NOT_OPEN');
    expect(codeOf(await answer(outsider, 0, 0))).toBe('QUIZ_NOT_JOINED');

    const q0 = await alice.waitFor<TQuizQuestionEvent>(
      'quiz:question',
      (e) => e.question.index === 0,
    );
    expect(q0.deadline - q0.serverNow).toBeGreaterThan(TIME_LIMIT_MS - 1000);
    const aliceAck = await answer(alice, 0, CORRECT[0] as number);
    expect(codeOf(aliceAck)).toBe('OK');
    expect(codeOf(await answer(alice, 0, 0))).toBe('QUIZ_ALREADY_ANSWERED');
    expect(codeOf(await answer(bob, 0, 0))).toBe('OK');
    expect(codeOf(await answer(mallory, 0, CORRECT[0] as number, { score: 999_999 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(await answer(mallory, 0, CORRECT[0] as number, { elapsedMs: 1 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(await answer(mallory, 0, 7))).toBe('VALIDATION_FAILED');
    expect(codeOf(await answer(mallory, 1, 0))).toBe('QUIZ_QUESTION_NOT_OPEN');

    const carolJoin = await carol.send<TQuizSnapshot>('quiz:join', { sessionId });
    expect(carolJoin.ok && carolJoin.data.phase).toBe('question');
    expect(carolJoin.ok && carolJoin.data.player?.eligibleFrom).toBe(1);
    expect(codeOf(await answer(carol, 0, CORRECT[0] as number))).toBe('QUIZ_NOT_PLAYING');

    const reveal0 = await mallory.waitFor<TQuizRevealEvent>(
      'quiz:reveal',
      (e) => e.questionIndex === 0,
    );
    expect(codeOf(await answer(mallory, 0, CORRECT[0] as number))).toBe('QUIZ_ANSWER_LATE');
    expect(reveal0.correctIndex).toBe(CORRECT[0]);
    expect(reveal0.distribution).toEqual([1, 0, 1, 0]);
    expect(reveal0.answeredCount).toBe(2);
    expect(reveal0.you).toMatchObject({ answerIndex: null, isCorrect: false, points: 0 });

    const aliceReveal = await alice.waitFor<TQuizRevealEvent>(
      'quiz:reveal',
      (e) => e.questionIndex === 0,
    );
    // Measured on the server; an answer this fast (a script) is flagged and earns no speed bonus.
    const elapsedMs = aliceAck.ok ? (aliceAck.data as { elapsedMs: number }).elapsedMs : -1;
    expect(elapsedMs).toBeGreaterThanOrEqual(0);
    const expected = scoreAnswer({
      isCorrect: true,
      elapsedMs,
      timeLimitMs: TIME_LIMIT_MS,
      streakBefore: 0,
      isFlagged: elapsedMs < 250,
    });
    expect(aliceReveal.you).toMatchObject({
      isCorrect: true,
      points: expected.points,
      speedBonus: expected.speedBonus,
      rank: 1,
      score: expected.points,
    });
    expect(aliceReveal.top[0]).toMatchObject({ userId: alice.userId, rank: 1 });

    await mallory.waitFor<TQuizQuestionEvent>('quiz:question', (e) => e.question.index === 1);
    expect(codeOf(await answer(mallory, 1, 3))).toBe('QUIZ_ANSWER_INVALID');
    expect(codeOf(await answer(mallory, 1, CORRECT[1] as number))).toBe('OK');
    expect(codeOf(await answer(carol, 1, CORRECT[1] as number))).toBe('OK');
    expect(codeOf(await answer(mallory, 0, 0))).toBe('QUIZ_ANSWER_LATE');

    const ended = await alice.waitFor<TQuizEndedEvent>('quiz:ended', () => true, 30_000);
    expect(ended.you).toMatchObject({ answeredCount: 1, correctCount: 1, rank: 1 });
    expect(codeOf(await answer(alice, 2, 0))).toBe('QUIZ_SESSION_OVER');
  });

  it('no event or ack reached any client with a correct answer before that question was revealed', () => {
    for (const c of clients) {
      const revealed = new Set<number>();
      for (const r of c.received) {
        const schema = ServerEventSchemas[r.event as keyof typeof ServerEventSchemas];
        expect(schema.safeParse(r.payload).success, `${r.event} matches its schema`).toBe(true);
        if (r.event === 'quiz:reveal') revealed.add((r.payload as TQuizRevealEvent).questionIndex);
        if (r.event === 'quiz:question' || r.event === 'quiz:lobby') {
          expect(JSON.stringify(r.payload)).not.toMatch(/correct/i);
        }
      }
      for (const { event, result } of c.acks) {
        if (event === 'quiz:join' && result.ok) {
          const snap = result.data as TQuizSnapshot;
          // A snapshot may only carry the correct answer of a question already revealed.
          expect(JSON.stringify({ ...snap, reveal: null })).not.toMatch(/correct/i);
        } else {
          expect(JSON.stringify(result)).not.toMatch(/correctIndex/);
        }
      }
    }
  });

  it('records results and pays each reward once from the campaign budget', async () => {
    await expect
      .poll(
        async () =>
          (await pool.query(`select status from quiz_sessions where id = $1`, [sessionId])).rows[0]
            ?.status,
        { timeout: 15_000 },
      )
      .toBe('settled');
    const { rows } = await pool.query<{
      user_id: string;
      rank: number;
      correct_count: number;
      reward_points: number;
      reward_status: string;
      flagged_answers: number;
    }>(
      `select user_id, rank, correct_count, reward_points, reward_status, flagged_answers from quiz_results where session_id = $1 order by rank`,
      [sessionId],
    );
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    expect(byUser.get(alice.userId)).toMatchObject({
      rank: 1,
      correct_count: 1,
      reward_status: 'rewarded',
      reward_points: 10 + 20 + 300,
    });
    expect(byUser.get(alice.userId)?.flagged_answers).toBe(1);
    const podium = [300, 200, 100];
    for (const r of rows)
      expect(r.reward_points, r.user_id).toBe(
        10 + 20 * r.correct_count + (podium[r.rank - 1] ?? 0),
      );
    expect(byUser.get(bob.userId)?.correct_count).toBe(0);
    const { rows: tx } = await pool.query<{ n: string }>(
      `select count(*) as n from ledger_transactions where kind = 'quiz_reward' and idempotency_key like $1`,
      [`quiz-reward:${sessionId}:%`],
    );
    expect(Number(tx[0]?.n)).toBe(rows.filter((r) => r.reward_points > 0).length);
  });
});
