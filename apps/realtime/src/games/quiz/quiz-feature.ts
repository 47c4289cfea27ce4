import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  AppError,
  createJobQueues,
  createAnswerRecorder,
  createQuizHost,
  createRedisClock,
  getWallets,
  joinQuizSession,
  quizKeys,
  answerSoloQuestion,
  startSoloRun,
  type JobQueues,
  type Logger,
  type Pool,
  type Redis,
} from '@playloop/core';
import { quizRoom, rooms } from '@playloop/shared';
import type { RealtimeConfig } from '../../config.js';
import type { RealtimeFeature, RealtimeServer } from '../../types.js';
import { createQuizFanOut, type QuizFanOut } from './fan-out.js';

export interface QuizFeatureDeps {
  config: Pick<
    RealtimeConfig,
    'REDIS_URL' | 'REDIS_PREFIX' | 'QUIZ_LEASE_MS' | 'QUIZ_TICK_MS' | 'QUIZ_FLAG_BELOW_MS'
  >;
  logger: Logger;
  pool: Pool;
  redis: Redis;
}

/**
 * The live quiz show and solo practice. Every pod runs the host (it may conduct any session) and
 * the fan-out (it delivers every session its sockets joined); answers are recorded in Redis by
 * the pod the player is connected to.
 */
export function createQuizFeature(deps: QuizFeatureDeps): RealtimeFeature {
  const { config, logger, pool, redis } = deps;
  const keys = quizKeys(config.REDIS_PREFIX);
  const clock = createRedisClock(redis);
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let jobs: JobQueues | undefined;
  // BullMQ opens its own connections: only a pod that finishes someone's first game needs them.
  const onFirstGame = async (userIds: string[]) => {
    jobs ??= createJobQueues({ url: config.REDIS_URL }, config.REDIS_PREFIX);
    for (const refereeId of userIds)
      await jobs.enqueueQualification({ refereeId, action: 'first_game' });
  };
  let io: RealtimeServer | undefined;
  // Quiz rewards land in the ledger: every open tab of the player (any pod) shows the new balance.
  const onRewarded = async (userIds: string[]) => {
    for (const [userId, wallet] of await getWallets(pool, userIds))
      io?.to(rooms.user(userId)).emit('wallet:updated', wallet);
  };
  const host = createQuizHost({
    pool,
    redis,
    keys,
    holder,
    logger,
    clock,
    onFirstGame,
    onRewarded,
    leaseMs: config.QUIZ_LEASE_MS,
    tickMs: config.QUIZ_TICK_MS,
    flagBelowMs: config.QUIZ_FLAG_BELOW_MS,
  });
  const play = { pool, redis, keys, serverNow: clock.now };
  // Answers are stamped on arrival and written in batches (see createAnswerRecorder).
  const answers = createAnswerRecorder(redis, keys, clock.now);
  const solo = { ...play, flagBelowMs: config.QUIZ_FLAG_BELOW_MS, onFirstGame };
  let fanOut: QuizFanOut | undefined;

  return {
    name: 'quiz',
    start(server) {
      io = server;
      fanOut = createQuizFanOut({ io, redis, keys, clock, logger });
      clock.sync().catch((err: unknown) => logger.warn({ err }, 'quiz clock sync failed'));
      fanOut.start().catch((err: unknown) => logger.error({ err }, 'quiz bus subscription failed'));
      host.start();
    },
    async stop() {
      await host.stop();
      await fanOut?.stop();
      await jobs?.close();
    },
    attach(socket, router) {
      const userId = socket.data.userId;
      router.on(socket, 'quiz:join', async ({ sessionId }) => {
        // In the room before the snapshot is read, so no change can fall between the two.
        socket.join(quizRoom(sessionId));
        fanOut?.watch(sessionId);
        try {
          return await joinQuizSession(play, { sessionId, userId });
        } catch (err) {
          socket.leave(quizRoom(sessionId));
          throw err;
        }
      });
      router.on(socket, 'quiz:leave', ({ sessionId }) => {
        socket.leave(quizRoom(sessionId));
        return { left: true as const };
      });
      router.on(socket, 'quiz:answer', (payload) => {
        if (!socket.rooms.has(quizRoom(payload.sessionId))) throw new AppError('QUIZ_NOT_JOINED');
        return answers.record(userId, payload);
      });
      router.on(socket, 'quiz:solo:start', ({ campaignId }) =>
        startSoloRun(solo, { userId, campaignId }),
      );
      router.on(socket, 'quiz:solo:answer', async (payload) => {
        const result = await answerSoloQuestion(solo, { userId, ...payload });
        if (result.final && result.final.rewardPoints > 0)
          await onRewarded([userId]).catch((err: unknown) =>
            logger.warn({ err, userId }, 'solo reward wallet push failed'),
          );
        return result;
      });
    },
  };
}
