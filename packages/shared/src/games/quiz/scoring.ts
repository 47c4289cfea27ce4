import type { TQuizRewardRules } from './schemas.js';

/**
 * Quiz scoring, the same for live shows and solo practice. Time is measured on the server from
 * the question's start to the answer's arrival; nothing the client says about time counts.
 */
export const QUIZ_SCORING = {
  correct: 1000,
  /** Earned in full by an instant answer, falling linearly to 0 at the deadline. */
  maxSpeedBonus: 500,
  /** Per consecutive correct answer after the first. */
  streakStep: 100,
  maxStreakBonus: 500,
} as const;

export interface AnswerFacts {
  isCorrect: boolean;
  elapsedMs: number;
  timeLimitMs: number;
  /** Consecutive correct answers before this one. */
  streakBefore: number;
  /** Faster than a human could read and tap: scored without a speed bonus, and counted. */
  isFlagged: boolean;
}

export interface AnswerScore {
  points: number;
  speedBonus: number;
  streakBonus: number;
  streak: number;
}

export function scoreAnswer(f: AnswerFacts): AnswerScore {
  if (!f.isCorrect) return { points: 0, speedBonus: 0, streakBonus: 0, streak: 0 };
  const left = Math.min(1, Math.max(0, (f.timeLimitMs - f.elapsedMs) / f.timeLimitMs));
  const speedBonus = f.isFlagged ? 0 : Math.round(left * QUIZ_SCORING.maxSpeedBonus);
  const streak = f.streakBefore + 1;
  const streakBonus = Math.min((streak - 1) * QUIZ_SCORING.streakStep, QUIZ_SCORING.maxStreakBonus);
  return {
    points: QUIZ_SCORING.correct + speedBonus + streakBonus,
    speedBonus,
    streakBonus,
    streak,
  };
}

/** A live session's reward for one player; nothing for someone who never answered. */
export function quizReward(
  rules: TQuizRewardRules,
  r: { rank: number; correctCount: number; answeredCount: number },
): number {
  if (r.answeredCount === 0) return 0;
  return rules.participation + rules.perCorrect * r.correctCount + (rules.podium[r.rank - 1] ?? 0);
}

/**
 * Standard competition ranking ("1224"): equal scores share a rank, the next rank skips. Input
 * sorted by score descending.
 */
export function competitionRanks(sortedScores: readonly number[]): number[] {
  const ranks: number[] = [];
  sortedScores.forEach((score, i) => {
    ranks.push(i > 0 && score === sortedScores[i - 1] ? (ranks[i - 1] as number) : i + 1);
  });
  return ranks;
}
