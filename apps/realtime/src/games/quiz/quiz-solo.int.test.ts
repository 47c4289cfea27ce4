import {
  attributeReferral,
  bullPrefix,
  createPool,
  createRedis,
  getOrCreateInviteCode,
  quizKeys,
  QueueName,
  type Pool,
  type Redis,
} from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '@playloop/core/testing';
import {
  ZQuizSoloQuestion,
  ZQuizSoloResult,
  type AckResult,
  type TQuizSoloQuestion,
  type TQuizSoloResult,
} from '@playloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realtimeTestEnv } from '../../../test/env.js';
import { startInProcessRealtime, type InProcessRealtime } from '../../../test/in-process.js';
import { QuizTestClient } from './testing/quiz-client.js';
import { insertQuestions, tokenFor } from './testing/quiz-fixtures.js';

/** Solo practice over the socket: same scoring, one answer per question, a daily reward cap. */
describe('solo quiz practice', () => {
  let db: TestDatabase;
  const redisNs = createTestRedisPrefix();
  let server: InProcessRealtime;
  let pool: Pool;
  let redis: Redis;
  let campaignId: string;
  const correctByText = new Map<string, number>();
  const clients: QuizTestClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool({ connectionString: db.url, max: 2 });
    redis = createRedis(redisNs.url);
    server = await startInProcessRealtime(
      realtimeTestEnv({ databaseUrl: db.url, redisUrl: redisNs.url, redisPrefix: redisNs.prefix }),
    );
    campaignId = await insertTestCampaign(pool, { qualifyingAction: 'first_game' });
    await pool.query(
      `update campaigns set quiz_solo_points_per_correct = 5, quiz_solo_daily_points_cap = 12 where id = $1`,
      [campaignId],
    );
    const specs = Array.from({ length: 6 }, (_, i) => ({
      text: `Solo question ${i}?`,
      correctIndex: i % 2,
      answers: ['Left', 'Right'],
    }));
    await insertQuestions(pool, campaignId, specs);
    specs.forEach((s) => correctByText.set(s.text, s.correctIndex));
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.close();
    redis?.disconnect();
    await pool?.end();
    await redisNs.cleanup();
    await db?.drop();
  });

  async function player(): Promise<QuizTestClient> {
    const { id } = await insertTestUser(pool);
    const c = new QuizTestClient(id, server.url, tokenFor(id));
    clients.push(c);
    await c.connected();
    return c;
  }
  const codeOf = (r: AckResult<unknown>) => (r.ok ? 'OK' : r.error.code);

  /** Answers every question right; returns the final result. */
  async function playPerfectRun(c: QuizTestClient): Promise<TQuizSoloResult> {
    const start = await c.send<TQuizSoloQuestion>('quiz:solo:start', { campaignId });
    if (!start.ok) throw new Error(start.error.code);
    let current: TQuizSoloQuestion | null = ZQuizSoloQuestion.parse(start.data);
    let last: TQuizSoloResult | null = null;
    while (current) {
      const correct = correctByText.get(current.question.text) as number;
      const ack = await c.send<TQuizSoloResult>('quiz:solo:answer', {
        runId: current.runId,
        questionIndex: current.question.index,
        answerIndex: correct,
      });
      if (!ack.ok) throw new Error(ack.error.code);
      last = ZQuizSoloResult.parse(ack.data);
      expect(last.you.isCorrect).toBe(true);
      current = last.next;
    }
    return last as TQuizSoloResult;
  }

  it('refuses duplicate, early, out-of-range, forged and late answers; a timeout is taken only after the deadline', async () => {
    const c = await player();
    const start = await c.send<TQuizSoloQuestion>('quiz:solo:start', { campaignId });
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    expect(JSON.stringify(start.data)).not.toMatch(/correct/i);
    const { runId } = start.data;
    const answer = (questionIndex: number, answerIndex: number | null, extra = {}) =>
      c.send<TQuizSoloResult>('quiz:solo:answer', { runId, questionIndex, answerIndex, ...extra });

    expect(codeOf(await answer(0, 1, { score: 5000 }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await answer(0, 3))).toBe('QUIZ_ANSWER_INVALID');
    expect(codeOf(await answer(2, 0))).toBe('QUIZ_QUESTION_NOT_OPEN');
    expect(codeOf(await answer(0, null))).toBe('CONFLICT');
    const stranger = await player();
    expect(
      codeOf(await stranger.send('quiz:solo:answer', { runId, questionIndex: 0, answerIndex: 0 })),
    ).toBe('NOT_FOUND');

    const first = await answer(0, 0);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.correctIndex).toBe(correctByText.get(start.data.question.text));
    expect(codeOf(await answer(0, 1))).toBe('QUIZ_ALREADY_ANSWERED');
    const next = first.data.next;
    expect(next?.question.index).toBe(1);
    expect(JSON.stringify(next)).not.toMatch(/correct/i);

    // The clock is the server's: move this question's deadline into the past as time would.
    await redis.hset(quizKeys(redisNs.prefix).solo(runId), 'deadline', String(Date.now() - 1000));
    expect(codeOf(await answer(1, 0))).toBe('QUIZ_ANSWER_LATE');
    const timedOut = await answer(1, null);
    expect(timedOut.ok && timedOut.data.you).toMatchObject({
      answerIndex: null,
      isCorrect: false,
      points: 0,
      streak: 0,
    });
  });

  it('pays per correct answer up to the daily cap, then nothing more that day', async () => {
    const c = await player();
    const first = await playPerfectRun(c);
    expect(first.final).toMatchObject({
      correctCount: 5,
      questionCount: 5,
      rewardPoints: 12,
      isCapped: true,
    });
    expect(first.final?.score).toBeGreaterThanOrEqual(5 * 1000);
    // The player's open tabs see the paid balance at once (the push is sent before the ack).
    expect(c.received.filter((r) => r.event === 'wallet:updated').map((r) => r.payload)).toEqual([
      { points: 12, pointsHeld: 0, spins: 0 },
    ]);
    const second = await playPerfectRun(c);
    expect(second.final).toMatchObject({ rewardPoints: 0, isCapped: true });
    const { rows } = await pool.query<{ total: string }>(
      `select coalesce(sum(e.amount), 0) as total from ledger_entries e join ledger_accounts a on a.id = e.account_id
       join ledger_transactions t on t.id = e.transaction_id where a.user_id = $1 and t.kind = 'quiz_reward'`,
      [c.userId],
    );
    expect(Number(rows[0]?.total)).toBe(12);
  });

  it("a referee's first finished game queues their referral's first_game qualification", async () => {
    const { id: referrerId } = await insertTestUser(pool);
    const referee = await player();
    const code = await getOrCreateInviteCode(pool, referrerId, campaignId);
    await attributeReferral(pool, { refereeId: referee.userId, code, touchedAt: new Date() });
    await playPerfectRun(referee);
    // BullMQ keeps a job as a hash `<prefix>:<queue>:<jobId>`; its id makes the enqueue idempotent.
    const job = await redis.hget(
      `${bullPrefix(redisNs.prefix)}:${QueueName.referrals}:qualify-${referee.userId}-first_game`,
      'data',
    );
    expect(JSON.parse(job ?? 'null')).toEqual({ refereeId: referee.userId, action: 'first_game' });
  });
});
