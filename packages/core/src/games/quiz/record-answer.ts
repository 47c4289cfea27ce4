import type { TQuizAnswerAck, TQuizAnswerPayload } from '@playloop/shared';
import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';
import { runAnswersScript, type AnswerOutcome, type AnswerToRecord } from './answer-script.js';
import type { QuizKeys } from './keys.js';

function toAck(input: TQuizAnswerPayload, outcome: AnswerOutcome): TQuizAnswerAck {
  if (!outcome.ok)
    throw new AppError(outcome.code, { internal: `answer q${input.questionIndex} refused` });
  return {
    questionIndex: input.questionIndex,
    answerIndex: input.answerIndex,
    elapsedMs: outcome.elapsedMs,
  };
}

/**
 * Records one player's answer on whichever pod received it, timed by the Redis clock at writing.
 * Whether it is right is decided only at the reveal.
 */
export async function recordQuizAnswer(
  redis: Redis,
  keys: QuizKeys,
  userId: string,
  input: TQuizAnswerPayload,
  receivedAt?: number,
): Promise<TQuizAnswerAck> {
  const [outcome] = await runAnswersScript(redis, keys, input.sessionId, input.questionIndex, [
    { userId, answerIndex: input.answerIndex, receivedAt },
  ]);
  return toAck(input, outcome as AnswerOutcome);
}

interface Pending extends AnswerToRecord {
  input: TQuizAnswerPayload;
  resolve: (ack: TQuizAnswerAck) => void;
  reject: (err: unknown) => void;
}

/**
 * A pod's answer recorder for bursts: each answer is stamped with the server clock the moment it
 * arrives, and the answers that arrive in one turn of the event loop go to Redis together, one
 * script call per question (up to `maxBatch` each). Every caller still gets its own outcome, in
 * arrival order; a Redis failure fails the answers of that call only.
 */
export function createAnswerRecorder(
  redis: Redis,
  keys: QuizKeys,
  now: () => number,
  opts: { maxBatch?: number } = {},
) {
  const maxBatch = opts.maxBatch ?? 250;
  let groups = new Map<string, Pending[]>();
  let scheduled = false;

  async function flushGroup(batch: Pending[]): Promise<void> {
    const first = batch[0] as Pending;
    try {
      const outcomes = await runAnswersScript(
        redis,
        keys,
        first.input.sessionId,
        first.input.questionIndex,
        batch,
      );
      batch.forEach((p, i) => {
        try {
          p.resolve(toAck(p.input, outcomes[i] as AnswerOutcome));
        } catch (err) {
          p.reject(err);
        }
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  function flush(): void {
    scheduled = false;
    const current = groups;
    groups = new Map();
    for (const pending of current.values())
      for (let i = 0; i < pending.length; i += maxBatch)
        void flushGroup(pending.slice(i, i + maxBatch));
  }

  return {
    record(userId: string, input: TQuizAnswerPayload): Promise<TQuizAnswerAck> {
      const receivedAt = now();
      return new Promise((resolve, reject) => {
        const key = `${input.sessionId}\u0000${input.questionIndex}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = []));
        group.push({ userId, answerIndex: input.answerIndex, receivedAt, input, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
export type AnswerRecorder = ReturnType<typeof createAnswerRecorder>;
