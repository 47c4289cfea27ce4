import { newId, scoreAnswer, type TQuizSoloQuestion, type TQuizSoloResult } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { Pool } from '../../db/pool.js';
import { AppError } from '../../errors/app-error.js';
import type { QuizKeys } from './keys.js';
import { loadQuizQuestions, publicQuestion } from './session-repo.js';
import { finishSoloRun } from './solo-reward.js';
import { openSoloQuestion, takeSoloAnswer } from './solo-scripts.js';

export interface SoloContext {
  pool: Pool;
  redis: Redis;
  keys: QuizKeys;
  serverNow(): number;
  flagBelowMs: number;
  onFirstGame?(userIds: string[]): Promise<void>;
}

export const SOLO_QUESTIONS = 5;
/** A practice run is abandoned after this long; its Redis hash simply expires. */
const SOLO_TTL_SECONDS = 3600;

async function questionPayload(
  ctx: SoloContext,
  runId: string,
  qids: string[],
  q: number,
): Promise<TQuizSoloQuestion> {
  const [question] = await loadQuizQuestions(ctx.pool, [qids[q] as string]);
  if (!question) throw new AppError('INTERNAL', { internal: `solo question ${q} missing` });
  const startedAt = await openSoloQuestion(
    ctx.redis,
    ctx.keys,
    runId,
    q,
    question.timeLimitMs,
    question.answers.length,
  );
  return {
    runId,
    question: publicQuestion(question, q, qids.length),
    deadline: startedAt + question.timeLimitMs,
    serverNow: ctx.serverNow(),
  };
}

/** Starts a practice run over random questions of the campaign's bank. */
export async function startSoloRun(
  ctx: SoloContext,
  input: { userId: string; campaignId: string },
): Promise<TQuizSoloQuestion> {
  const { rows } = await ctx.pool.query<{ ids: string[]; active: boolean }>(
    `select (c.status = 'active' and (c.ends_at is null or c.ends_at > now())) as active,
            array(select q.id from quiz_questions q where q.campaign_id = c.id and q.is_active order by random() limit $2) as ids
     from campaigns c where c.id = $1`,
    [input.campaignId, SOLO_QUESTIONS],
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', { message: 'There is no such campaign.' });
  if (!row.active) throw new AppError('CAMPAIGN_NOT_ACTIVE');
  if (row.ids.length === 0)
    throw new AppError('NOT_FOUND', { message: 'This campaign has no quiz questions yet.' });
  const runId = newId('qzr');
  const key = ctx.keys.solo(runId);
  await ctx.redis
    .multi()
    .hset(key, {
      userId: input.userId,
      campaignId: input.campaignId,
      qids: JSON.stringify(row.ids),
      q: '0',
      score: '0',
      streak: '0',
      cc: '0',
      fl: '0',
    })
    .expire(key, SOLO_TTL_SECONDS)
    .exec();
  return questionPayload(ctx, runId, row.ids, 0);
}

/** Scores one solo answer (or a timeout), reveals it, and opens the next question or finishes. */
export async function answerSoloQuestion(
  ctx: SoloContext,
  input: { userId: string; runId: string; questionIndex: number; answerIndex: number | null },
): Promise<TQuizSoloResult> {
  const taken = await takeSoloAnswer(ctx.redis, ctx.keys, input);
  if (!taken.ok) {
    if (taken.code === 'CONFLICT')
      throw new AppError('CONFLICT', { message: 'Time is not up yet: answer the question.' });
    if (taken.code === 'NOT_FOUND')
      throw new AppError('NOT_FOUND', { message: 'This practice run is over or not yours.' });
    throw new AppError(taken.code);
  }
  const key = ctx.keys.solo(input.runId);
  const run = await ctx.redis.hgetall(key);
  const qids = JSON.parse(run.qids ?? '[]') as string[];
  const [question] = await loadQuizQuestions(ctx.pool, [qids[input.questionIndex] as string]);
  if (!question) throw new AppError('INTERNAL', { internal: 'solo question vanished' });
  const isCorrect = input.answerIndex === question.correctIndex;
  const isFlagged = input.answerIndex !== null && taken.elapsedMs < ctx.flagBelowMs;
  const score = scoreAnswer({
    isCorrect,
    elapsedMs: taken.elapsedMs,
    timeLimitMs: question.timeLimitMs,
    streakBefore: Number(run.streak ?? 0),
    isFlagged,
  });
  const total = Number(run.score ?? 0) + score.points;
  const correctCount = Number(run.cc ?? 0) + (isCorrect ? 1 : 0);
  const flagged = Number(run.fl ?? 0) + (isFlagged ? 1 : 0);
  await ctx.redis.hset(key, {
    score: String(total),
    streak: String(score.streak),
    cc: String(correctCount),
    fl: String(flagged),
  });

  const isLast = input.questionIndex + 1 >= qids.length;
  const result: TQuizSoloResult = {
    questionIndex: input.questionIndex,
    correctIndex: question.correctIndex,
    you: {
      answerIndex: input.answerIndex,
      isCorrect,
      points: score.points,
      speedBonus: score.speedBonus,
      streakBonus: score.streakBonus,
      streak: score.streak,
      score: total,
    },
    next: isLast ? null : await questionPayload(ctx, input.runId, qids, input.questionIndex + 1),
    final: null,
  };
  if (isLast) {
    result.final = await finishSoloRun(ctx, {
      runId: input.runId,
      userId: input.userId,
      campaignId: run.campaignId as string,
      score: total,
      correctCount,
      questionCount: qids.length,
      flagged,
    });
    await ctx.redis.expire(key, 60);
  }
  return result;
}
