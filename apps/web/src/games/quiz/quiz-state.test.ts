import type { TQuizQuestionEvent, TQuizRevealEvent, TQuizSnapshot } from '@playloop/shared';
import { describe, expect, it } from 'vitest';
import { canAnswer, initialLiveQuiz, liveQuizReducer } from './quiz-state';
import { clockOffset, isAnnouncedSecond, secondsLeft } from './server-clock';

const sessionId = 'qzs_aaaaaaaaaaaaaaaaaaaa';
const question = (index: number, version: number, deadline = 10_000): TQuizQuestionEvent => ({
  sessionId,
  version,
  deadline,
  serverNow: 0,
  question: {
    index,
    count: 3,
    text: `Q${index}`,
    answers: ['a', 'b'],
    imageUrl: null,
    timeLimitMs: 10_000,
  },
});
const snapshot = (over: Partial<TQuizSnapshot> = {}): TQuizSnapshot => ({
  sessionId,
  title: 'Show',
  phase: 'question',
  version: 5,
  questionCount: 3,
  lobby: null,
  question: question(1, 5),
  reveal: null,
  ended: null,
  player: { eligibleFrom: 0, currentAnswer: null, score: 1200, rank: 2, streak: 1 },
  serverNow: 0,
  ...over,
});

describe('live quiz state', () => {
  it('draws from the snapshot after a reconnect, keeping an answer already taken', () => {
    const s = liveQuizReducer(initialLiveQuiz, {
      type: 'snapshot',
      snapshot: snapshot({
        player: { eligibleFrom: 0, currentAnswer: 1, score: 0, rank: null, streak: 0 },
      }),
    });
    expect(s.phase).toBe('question');
    expect(s.answer).toEqual({ index: 1, status: 'taken' });
    expect(canAnswer(s, 0)).toBe(false);
  });

  it('ignores pushes the snapshot already covered, and applies newer ones', () => {
    const s = liveQuizReducer(initialLiveQuiz, { type: 'snapshot', snapshot: snapshot() });
    expect(liveQuizReducer(s, { type: 'quiz:question', payload: question(1, 5) })).toBe(s);
    const reveal = { sessionId, version: 6, questionIndex: 1 } as TQuizRevealEvent;
    expect(liveQuizReducer(s, { type: 'quiz:reveal', payload: reveal }).phase).toBe('reveal');
  });

  it('lets a late joiner watch the running question and play the next one', () => {
    let s = liveQuizReducer(initialLiveQuiz, {
      type: 'snapshot',
      snapshot: snapshot({
        player: { eligibleFrom: 2, currentAnswer: null, score: 0, rank: null, streak: 0 },
      }),
    });
    expect(canAnswer(s, 0)).toBe(false);
    s = liveQuizReducer(s, { type: 'quiz:question', payload: question(2, 7) });
    expect(canAnswer(s, 0)).toBe(true);
    expect(canAnswer(s, 10_000)).toBe(false);
  });

  it('locks after one answer; a refusal frees the buttons unless the server already has an answer', () => {
    let s = liveQuizReducer(initialLiveQuiz, { type: 'snapshot', snapshot: snapshot() });
    s = liveQuizReducer(s, { type: 'answer-sending', index: 0 });
    expect(liveQuizReducer(s, { type: 'answer-sending', index: 1 }).answer?.index).toBe(0);
    expect(liveQuizReducer(s, { type: 'answer-refused', code: 'NETWORK' }).answer).toBeNull();
    expect(
      liveQuizReducer(s, { type: 'answer-refused', code: 'QUIZ_ALREADY_ANSWERED' }).answer?.index,
    ).toBe(0);
  });
});

describe('server clock', () => {
  it('takes the offset from the ping with the shortest round trip', () => {
    expect(clockOffset([])).toBeNull();
    expect(
      clockOffset([
        { sentAt: 0, receivedAt: 400, serverTime: 5000 },
        { sentAt: 1000, receivedAt: 1020, serverTime: 6010 },
      ]),
    ).toBe(5000);
  });

  it('counts whole seconds down on the server clock and announces only a few of them', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
    expect([15, 10, 9, 5, 4, 3, 1, 0].filter((s) => isAnnouncedSecond(s, 15))).toEqual([10, 5, 3]);
  });
});
