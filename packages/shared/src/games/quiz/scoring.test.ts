import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRanks, QUIZ_SCORING, quizReward, scoreAnswer } from './scoring.js';
import { ZQuizAnswerPayload, ZQuizQuestion } from './schemas.js';

const facts = fc.record({
  isCorrect: fc.boolean(),
  elapsedMs: fc.integer({ min: 0, max: 120_000 }),
  timeLimitMs: fc.integer({ min: 1000, max: 60_000 }),
  streakBefore: fc.integer({ min: 0, max: 50 }),
  isFlagged: fc.boolean(),
});

describe('scoreAnswer', () => {
  it('pays nothing and breaks the streak for a wrong answer', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const s = scoreAnswer({ ...f, isCorrect: false });
        expect(s).toEqual({ points: 0, speedBonus: 0, streakBonus: 0, streak: 0 });
      }),
    );
  });

  it('pays the base plus bounded bonuses for a correct answer, and extends the streak', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const s = scoreAnswer({ ...f, isCorrect: true });
        expect(s.streak).toBe(f.streakBefore + 1);
        expect(s.points).toBe(QUIZ_SCORING.correct + s.speedBonus + s.streakBonus);
        expect(s.speedBonus).toBeGreaterThanOrEqual(0);
        expect(s.speedBonus).toBeLessThanOrEqual(QUIZ_SCORING.maxSpeedBonus);
        expect(s.streakBonus).toBeLessThanOrEqual(QUIZ_SCORING.maxStreakBonus);
        if (f.isFlagged) expect(s.speedBonus).toBe(0);
      }),
    );
  });

  it('never pays more for a slower answer', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 10_000 }), (f, extra) => {
        const fast = scoreAnswer({ ...f, isCorrect: true, isFlagged: false });
        const slow = scoreAnswer({
          ...f,
          isCorrect: true,
          isFlagged: false,
          elapsedMs: f.elapsedMs + extra,
        });
        expect(slow.points).toBeLessThanOrEqual(fast.points);
      }),
    );
  });

  it('gives the full speed bonus at 0 ms and none at the deadline', () => {
    const base = { isCorrect: true, timeLimitMs: 10_000, streakBefore: 0, isFlagged: false };
    expect(scoreAnswer({ ...base, elapsedMs: 0 }).speedBonus).toBe(500);
    expect(scoreAnswer({ ...base, elapsedMs: 5_000 }).speedBonus).toBe(250);
    expect(scoreAnswer({ ...base, elapsedMs: 10_000 }).speedBonus).toBe(0);
    expect(scoreAnswer({ ...base, elapsedMs: 0, streakBefore: 2 }).streakBonus).toBe(200);
  });
});

describe('competitionRanks', () => {
  it('shares ranks between equal scores and skips after them', () => {
    expect(competitionRanks([900, 800, 800, 500, 500, 500, 0])).toEqual([1, 2, 2, 4, 4, 4, 7]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('gives rank = 1 + number of strictly better scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (raw) => {
        const sorted = [...raw].sort((a, b) => b - a);
        const ranks = competitionRanks(sorted);
        sorted.forEach((s, i) => expect(ranks[i]).toBe(1 + sorted.filter((o) => o > s).length));
      }),
    );
  });
});

describe('quizReward', () => {
  const rules = { participation: 10, perCorrect: 20, podium: [300, 200, 100] };
  it('pays participation, per correct and the podium; nothing without an answer', () => {
    expect(quizReward(rules, { rank: 1, correctCount: 3, answeredCount: 3 })).toBe(10 + 60 + 300);
    expect(quizReward(rules, { rank: 4, correctCount: 0, answeredCount: 1 })).toBe(10);
    expect(quizReward(rules, { rank: 1, correctCount: 0, answeredCount: 0 })).toBe(0);
  });
});

describe('quiz payload schemas', () => {
  it('a public question has no field for the correct answer', () => {
    expect(Object.keys(ZQuizQuestion.shape)).not.toContain('correctIndex');
    const withAnswer = {
      index: 0,
      count: 1,
      text: 'q',
      answers: ['a', 'b'],
      imageUrl: null,
      timeLimitMs: 5000,
      correctIndex: 1,
    };
    expect(ZQuizQuestion.safeParse(withAnswer).success).toBe(false);
  });

  it('refuses an answer that carries a score or an out-of-range index', () => {
    const ok = { sessionId: 'qzs_aaaaaaaaaaaaaaaaaaaa', questionIndex: 0, answerIndex: 1 };
    expect(ZQuizAnswerPayload.safeParse(ok).success).toBe(true);
    expect(ZQuizAnswerPayload.safeParse({ ...ok, score: 99999 }).success).toBe(false);
    expect(ZQuizAnswerPayload.safeParse({ ...ok, answerIndex: 4 }).success).toBe(false);
    expect(ZQuizAnswerPayload.safeParse({ ...ok, answerIndex: -1 }).success).toBe(false);
  });
});
