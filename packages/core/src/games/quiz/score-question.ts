import { competitionRanks, scoreAnswer, type TQuizLeaderRow } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { QuizKeys } from './keys.js';
import type { RevealCommon } from './round-state.js';
import type { QuizQuestionRecord } from './session-repo.js';
import type { Standing } from './standings.js';

const EMPTY: Standing = {
  a: null,
  c: 0,
  p: 0,
  sb: 0,
  kb: 0,
  k: 0,
  s: 0,
  r: 1,
  cc: 0,
  ac: 0,
  fl: 0,
};

export interface StandingsInput {
  /** userId → `answerIndex:elapsedMs` as recorded by the answer script. */
  answers: Record<string, string>;
  /** userId → first question the player may answer. */
  roster: Record<string, string>;
  /** Standings after the previous question (JSON per user). */
  previous: Record<string, string>;
  question: Pick<QuizQuestionRecord, 'correctIndex' | 'timeLimitMs' | 'answers'>;
  flagBelowMs: number;
}

export interface ComputedStandings {
  /** Sorted best first (score, then user id, so every recomputation orders ties the same). */
  ranked: [string, Standing][];
  distribution: number[];
  answeredCount: number;
}

/** Pure: the standings after a question from the recorded answers. Same input, same output. */
export function computeStandings(input: StandingsInput): ComputedStandings {
  const distribution = input.question.answers.map(() => 0);
  const users = new Set([
    ...Object.keys(input.roster),
    ...Object.keys(input.previous),
    ...Object.keys(input.answers),
  ]);
  const rows: [string, Standing][] = [];
  let answeredCount = 0;
  for (const userId of users) {
    const prev = input.previous[userId] ? (JSON.parse(input.previous[userId]) as Standing) : EMPTY;
    const raw = input.answers[userId];
    if (!raw) {
      rows.push([userId, { ...prev, a: null, c: 0, p: 0, sb: 0, kb: 0, k: 0 }]);
      continue;
    }
    const [a, elapsed] = raw.split(':').map(Number) as [number, number];
    answeredCount += 1;
    distribution[a] = (distribution[a] ?? 0) + 1;
    const isCorrect = a === input.question.correctIndex;
    const isFlagged = elapsed < input.flagBelowMs;
    const score = scoreAnswer({
      isCorrect,
      elapsedMs: elapsed,
      timeLimitMs: input.question.timeLimitMs,
      streakBefore: prev.k,
      isFlagged,
    });
    rows.push([
      userId,
      {
        a,
        c: isCorrect ? 1 : 0,
        p: score.points,
        sb: score.speedBonus,
        kb: score.streakBonus,
        k: score.streak,
        s: prev.s + score.points,
        r: 1,
        cc: prev.cc + (isCorrect ? 1 : 0),
        ac: prev.ac + 1,
        fl: prev.fl + (isFlagged ? 1 : 0),
      },
    ]);
  }
  rows.sort(([ua, a], [ub, b]) => b.s - a.s || (ua < ub ? -1 : ua > ub ? 1 : 0));
  const ranks = competitionRanks(rows.map(([, st]) => st.s));
  rows.forEach(([, st], i) => (st.r = ranks[i] as number));
  return { ranked: rows, distribution, answeredCount };
}

const CHUNK = 5000;

/**
 * Scores question `q` from Redis and writes its standings and the totals. Safe to run again
 * (a conductor that took over mid-scoring does): it reads only the answers and the previous
 * question's standings, which no longer change, and overwrites what it writes.
 */
export async function scoreQuestion(
  redis: Redis,
  keys: QuizKeys,
  sessionId: string,
  q: number,
  question: QuizQuestionRecord,
  count: number,
  flagBelowMs: number,
): Promise<RevealCommon> {
  const [answers, roster, previous] = await Promise.all([
    redis.hgetall(keys.answers(sessionId, q)),
    redis.hgetall(keys.roster(sessionId)),
    q > 0
      ? redis.hgetall(keys.standings(sessionId, q - 1))
      : Promise.resolve({} as Record<string, string>),
  ]);
  const { ranked, distribution, answeredCount } = computeStandings({
    answers,
    roster,
    previous,
    question,
    flagBelowMs,
  });

  const standingsKey = keys.standings(sessionId, q);
  const totalsKey = keys.totals(sessionId);
  const write = redis.multi().del(standingsKey, totalsKey);
  for (let i = 0; i < ranked.length; i += CHUNK) {
    const chunk = ranked.slice(i, i + CHUNK);
    write.hset(standingsKey, Object.fromEntries(chunk.map(([u, st]) => [u, JSON.stringify(st)])));
    write.zadd(totalsKey, ...chunk.flatMap(([u, st]) => [st.s, u]));
  }
  await write.exec();

  const leaders = ranked.slice(0, 10);
  const names = leaders.length
    ? await redis.hmget(keys.names(sessionId), ...leaders.map(([u]) => u))
    : [];
  const top: TQuizLeaderRow[] = leaders.map(([userId, st], i) => ({
    rank: st.r,
    userId,
    displayName: names[i] ?? 'Player',
    score: st.s,
  }));
  return {
    questionIndex: q,
    questionCount: count,
    correctIndex: question.correctIndex,
    distribution,
    answeredCount,
    playerCount: ranked.length,
    top,
  };
}
