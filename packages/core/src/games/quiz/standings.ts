import {
  quizReward,
  type TQuizFinalResult,
  type TQuizRewardRules,
  type TQuizYourResult,
} from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { QuizKeys } from './keys.js';

/** One player's line after a question: compact, because a session may hold tens of thousands. */
export interface Standing {
  /** Answer index given to this question, or null. */
  a: number | null;
  /** Correct (1) or not (0). */
  c: 0 | 1;
  /** Points for this question, speed bonus, streak bonus. */
  p: number;
  sb: number;
  kb: number;
  /** Streak after this question. */
  k: number;
  /** Total score and competition rank after this question. */
  s: number;
  r: number;
  /** Correct answers, answers given and flagged answers so far. */
  cc: number;
  ac: number;
  fl: number;
}

export function toYourResult(st: Standing): TQuizYourResult {
  return {
    answerIndex: st.a,
    isCorrect: st.c === 1,
    points: st.p,
    speedBonus: st.sb,
    streakBonus: st.kb,
    streak: st.k,
    score: st.s,
    rank: st.r,
  };
}

export function toFinalResult(st: Standing, rules: TQuizRewardRules): TQuizFinalResult {
  return {
    score: st.s,
    rank: st.r,
    correctCount: st.cc,
    answeredCount: st.ac,
    rewardPoints: quizReward(rules, { rank: st.r, correctCount: st.cc, answeredCount: st.ac }),
  };
}

/** Standings after question `q` for the given users (missing users are absent from the map). */
export async function readStandings(
  redis: Redis,
  keys: QuizKeys,
  sessionId: string,
  q: number,
  userIds: string[],
): Promise<Map<string, Standing>> {
  const out = new Map<string, Standing>();
  if (q < 0 || userIds.length === 0) return out;
  const values = await redis.hmget(keys.standings(sessionId, q), ...userIds);
  values.forEach((v, i) => {
    if (v) out.set(userIds[i] as string, JSON.parse(v) as Standing);
  });
  return out;
}
