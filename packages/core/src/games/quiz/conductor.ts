import type { Redis } from 'ioredis';
import type { Pool } from '../../db/pool.js';
import type { Logger } from '../../logging/logger.js';
import type { QuizKeys } from './keys.js';
import type { ServerClock } from './redis-clock.js';
import { readRoundState } from './round-state.js';
import { transitionRound, type TransitionResult, type TransitionSpec } from './round-scripts.js';
import { QUIZ_ANSWER_GRACE_MS } from './answer-script.js';
import { delayOf, endedCommon, questionStep } from './round-steps.js';
import { scoreQuestion } from './score-question.js';
import {
  loadQuizQuestions,
  loadQuizSession,
  markQuizSessionEnded,
  markQuizSessionRunning,
  type QuizQuestionRecord,
  type QuizSessionRecord,
} from './session-repo.js';

export interface ConductorDeps {
  pool: Pool;
  redis: Redis;
  keys: QuizKeys;
  /** This pod's lease holder id. */
  holder: string;
  logger: Logger;
  clock: ServerClock;
  flagBelowMs: number;
  /** Posts results and rewards once the session has ended; must be idempotent. */
  settle(session: QuizSessionRecord, lastQ: number): Promise<void>;
}

export interface Conducting {
  stop(): void;
  done: Promise<void>;
}

/** How often the lobby's player count is refreshed for everyone. */
const LOBBY_REFRESH_MS = 1000;
/** Longest sleep between steps, so a conductor notices outside changes (cancellation) soon. */
const MAX_SLEEP_MS = 1000;

/**
 * Conducts one session while this pod holds its lease. Every step reads the round state from
 * Redis and moves it on when its due time has come, so a conductor that takes over from a dead
 * one simply carries on from wherever the state is.
 */
export function conductSession(deps: ConductorDeps, sessionId: string): Conducting {
  const { redis, keys } = deps;
  let stopped = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
    });

  const publish = (version: number) =>
    redis.publish(keys.bus(), JSON.stringify({ sessionId, version }));

  async function run(): Promise<void> {
    const session = await loadQuizSession(deps.pool, sessionId);
    if (!session || session.status === 'settled' || session.status === 'cancelled') return;
    const questions = await loadQuizQuestions(
      deps.pool,
      session.questionIds,
      session.timeLimitOverrideMs,
    );
    deps.logger.info({ sessionId, holder: deps.holder }, 'conducting quiz session');
    let failures = 0;
    while (!stopped) {
      let delay: number | null;
      try {
        delay = await step(session, questions);
        failures = 0;
      } catch (err) {
        // Redis or Postgres hiccup: retry with backoff; the lease decides whether we still conduct.
        failures += 1;
        deps.logger.warn({ err, sessionId, failures }, 'quiz step failed; retrying');
        delay = Math.min(200 * 2 ** failures, MAX_SLEEP_MS);
      }
      if (delay === null) return;
      if (delay > 0) await sleep(delay + 2);
    }
  }

  async function move(spec: TransitionSpec): Promise<TransitionResult> {
    const result = await transitionRound(redis, keys, sessionId, deps.holder, spec);
    if (result.status === 'ok') await publish(result.version);
    if (result.status === 'lost') stopped = true;
    return result;
  }

  async function step(
    session: QuizSessionRecord,
    questions: QuizQuestionRecord[],
  ): Promise<number | null> {
    const st = await readRoundState(redis, keys, sessionId);
    const count = questions.length;
    if (!st) {
      if (session.status === 'ended') return null;
      await markQuizSessionRunning(deps.pool, sessionId);
      const r = await move({
        from: null,
        to: { phase: 'lobby', q: -1 },
        fields: {
          count: String(count),
          title: session.title,
          startsAt: String(session.startsAt),
          players: '0',
          payload: '',
        },
      });
      return delayOf(r);
    }
    switch (st.phase) {
      case 'lobby': {
        const players = await redis.hlen(keys.roster(sessionId));
        const r = await move(questionStep(0, { phase: 'lobby', q: -1 }, 'startsAt', questions));
        if (r.status !== 'wait') return delayOf(r);
        if (players !== st.players) {
          await move({
            from: { phase: 'lobby', q: -1 },
            to: { phase: 'lobby', q: -1 },
            fields: { players: String(players) },
          });
        }
        return Math.min(r.waitMs, LOBBY_REFRESH_MS);
      }
      case 'question':
        // Closing is silent: pods do not announce `scoring`; the reveal follows at once. It waits
        // out the grace in which answers received before the deadline may still be written.
        return delayOf(
          await transitionRound(redis, keys, sessionId, deps.holder, {
            from: { phase: 'question', q: st.q },
            dueField: 'deadline',
            dueAfterMs: QUIZ_ANSWER_GRACE_MS,
            to: { phase: 'scoring', q: st.q },
          }),
        );
      case 'scoring': {
        const reveal = await scoreQuestion(
          redis,
          keys,
          sessionId,
          st.q,
          questions[st.q] as QuizQuestionRecord,
          count,
          deps.flagBelowMs,
        );
        return delayOf(
          await move({
            from: { phase: 'scoring', q: st.q },
            to: { phase: 'reveal', q: st.q },
            fields: { payload: JSON.stringify(reveal), players: String(reveal.playerCount) },
            stampAfter: { field: 'revealUntil', afterMs: session.revealSeconds * 1000 },
          }),
        );
      }
      case 'reveal': {
        if (st.q + 1 < count)
          return delayOf(
            await move(
              questionStep(st.q + 1, { phase: 'reveal', q: st.q }, 'revealUntil', questions),
            ),
          );
        const r = await move({
          from: { phase: 'reveal', q: st.q },
          dueField: 'revealUntil',
          to: { phase: 'ended', q: st.q },
          fields: { payload: JSON.stringify(endedCommon(st, session)) },
        });
        if (r.status === 'ok') await markQuizSessionEnded(deps.pool, sessionId, st.players);
        return delayOf(r);
      }
      case 'ended':
        await markQuizSessionEnded(deps.pool, sessionId, st.players);
        await deps.settle(session, st.q);
        return null;
    }
  }

  const done = run()
    .catch((err: unknown) =>
      deps.logger.error({ err, sessionId }, 'quiz conductor stopped on an error'),
    )
    .finally(() => {
      stopped = true;
      clearTimeout(timer);
    });

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
    done,
  };
}
