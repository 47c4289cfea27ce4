import type { TQuizSnapshot } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { Pool } from '../../db/pool.js';
import { AppError } from '../../errors/app-error.js';
import type { QuizKeys } from './keys.js';
import { readRoundState, roundEvent, type RoundState } from './round-state.js';
import { loadQuizSession } from './session-repo.js';
import { readStandings, toFinalResult, toYourResult } from './standings.js';

export interface QuizPlayContext {
  pool: Pool;
  redis: Redis;
  keys: QuizKeys;
  serverNow(): number;
}

/** Roster entries outlive a session by this much, so a reload after the end still finds its line. */
const ROSTER_TTL_SECONDS = 12 * 3600;

/** The first question a player arriving now may answer: a late joiner watches the running one. */
function eligibleFrom(st: RoundState | null): number {
  if (!st || st.phase === 'lobby') return 0;
  return st.q + 1;
}

async function rememberName(
  ctx: QuizPlayContext,
  sessionId: string,
  userId: string,
): Promise<void> {
  if (await ctx.redis.hexists(ctx.keys.names(sessionId), userId)) return;
  const { rows } = await ctx.pool.query<{ display_name: string }>(
    'select display_name from users where id = $1',
    [userId],
  );
  await ctx.redis.hsetnx(ctx.keys.names(sessionId), userId, rows[0]?.display_name ?? 'Player');
}

/**
 * Puts the player on the session's roster (once: a reload keeps the original entry, score and
 * all) and returns the snapshot their screen is drawn from. Joining after the end shows results.
 */
export async function joinQuizSession(
  ctx: QuizPlayContext,
  input: { sessionId: string; userId: string },
): Promise<TQuizSnapshot> {
  const { redis, keys } = ctx;
  const { sessionId, userId } = input;
  let st = await readRoundState(redis, keys, sessionId);
  let title = st?.title ?? '';
  let count = st?.count ?? 1;
  let startsAt = st?.startsAt ?? 0;
  if (!st) {
    // No conductor has opened the lobby yet (or the state has expired): ask Postgres.
    const session = await loadQuizSession(ctx.pool, sessionId);
    if (!session) throw new AppError('NOT_FOUND', { message: 'There is no such quiz.' });
    if (session.status !== 'scheduled' && session.status !== 'running')
      throw new AppError('QUIZ_SESSION_OVER');
    ({ title, startsAt } = session);
    count = session.questionIds.length;
  }

  if (st?.phase !== 'ended') {
    await redis.hsetnx(keys.roster(sessionId), userId, String(eligibleFrom(st)));
    await redis.expire(keys.roster(sessionId), ROSTER_TTL_SECONDS);
    await rememberName(ctx, sessionId, userId);
    // Re-read: the phase may have moved on while we joined; the snapshot must be current.
    st = await readRoundState(redis, keys, sessionId);
  }
  const eligible = Number((await redis.hget(keys.roster(sessionId), userId)) ?? NaN);

  const serverNow = ctx.serverNow();
  const snapshot: TQuizSnapshot = {
    sessionId,
    title,
    phase: 'lobby',
    version: st?.version ?? 0,
    questionCount: count,
    lobby: null,
    question: null,
    reveal: null,
    ended: null,
    player: null,
    serverNow,
  };
  if (!st) {
    const players = await redis.hlen(keys.roster(sessionId));
    snapshot.lobby = {
      sessionId,
      version: 0,
      startsAt,
      playerCount: players,
      questionCount: count,
      serverNow,
    };
  } else {
    const ev = roundEvent(st, serverNow);
    if (ev.name === 'quiz:lobby')
      snapshot.lobby = {
        ...ev.payload,
        playerCount: Math.max(ev.payload.playerCount, await redis.hlen(keys.roster(sessionId))),
      };
    if (ev.name === 'quiz:question') {
      snapshot.phase = 'question';
      snapshot.question = ev.payload;
    } else if (ev.name === 'quiz:reveal') {
      snapshot.phase = 'reveal';
      snapshot.reveal = ev.payload;
    } else if (ev.name === 'quiz:ended') {
      snapshot.phase = 'ended';
      snapshot.ended = ev.payload;
    }
    // The latest scored question: the current one in reveal/ended, the one before otherwise.
    const scoredQ = st.phase === 'reveal' || st.phase === 'ended' ? st.q : st.q - 1;
    const mine = (await readStandings(redis, keys, sessionId, scoredQ, [userId])).get(userId);
    if (snapshot.reveal && mine) snapshot.reveal.you = toYourResult(mine);
    if (ev.name === 'quiz:ended' && snapshot.ended && mine)
      snapshot.ended.you = toFinalResult(mine, ev.rewardRules);
    if (!Number.isNaN(eligible)) {
      const current = snapshot.question
        ? await redis.hget(keys.answers(sessionId, st.q), userId)
        : null;
      snapshot.player = {
        eligibleFrom: eligible,
        currentAnswer: current ? Number(current.split(':')[0]) : null,
        score: mine?.s ?? 0,
        rank: mine?.r ?? null,
        streak: mine?.k ?? 0,
      };
    }
    return snapshot;
  }
  if (!Number.isNaN(eligible))
    snapshot.player = {
      eligibleFrom: eligible,
      currentAnswer: null,
      score: 0,
      rank: null,
      streak: 0,
    };
  return snapshot;
}
