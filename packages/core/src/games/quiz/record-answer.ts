import type { TQuizAnswerAck, TQuizAnswerPayload } from '@playloop/shared';
import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';
import type { QuizKeys } from './keys.js';
import { runAnswerScript } from './round-scripts.js';

/**
 * Records a player's answer on whichever pod received it; the time is the server's (Redis
 * clock at receipt). Whether it is right is decided only at the reveal.
 */
export async function recordQuizAnswer(
  redis: Redis,
  keys: QuizKeys,
  userId: string,
  input: TQuizAnswerPayload,
): Promise<TQuizAnswerAck> {
  const result = await runAnswerScript(redis, keys, { ...input, userId });
  if (!result.ok)
    throw new AppError(result.code, { internal: `answer q${input.questionIndex} refused` });
  return {
    questionIndex: input.questionIndex,
    answerIndex: input.answerIndex,
    elapsedMs: result.elapsedMs,
  };
}
