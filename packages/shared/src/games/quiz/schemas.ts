import { z } from 'zod';

/**
 * The live quiz contract. What a client may ever see of a question before its reveal is
 * `ZQuizQuestion`: text, answers and timing, never which answer is right. The correct index
 * appears in exactly two places, both sent after the deadline: the live reveal and the solo
 * answer's result.
 */
export const ZQuizSessionId = z
  .string()
  .regex(/^qzs_[0-9A-Za-z]{20}$/, 'must be a quiz session id');
export const ZQuizSoloRunId = z.string().regex(/^qzr_[0-9A-Za-z]{20}$/, 'must be a solo run id');

export const QUIZ_MAX_ANSWERS = 4;
const ZAnswerIndex = z
  .number()
  .int()
  .min(0)
  .max(QUIZ_MAX_ANSWERS - 1);

export const ZQuizPhase = z.enum(['lobby', 'question', 'reveal', 'ended']);
export type TQuizPhase = z.infer<typeof ZQuizPhase>;

/** How a live session pays: every player who answered at least once gets `participation`, plus per correct answer, plus the podium by rank. */
export const ZQuizRewardRules = z.strictObject({
  participation: z.number().int().min(0).max(100_000).default(0),
  perCorrect: z.number().int().min(0).max(100_000).default(0),
  podium: z.array(z.number().int().min(0).max(1_000_000)).max(10).default([]),
});
export type TQuizRewardRules = z.output<typeof ZQuizRewardRules>;

/** A question as players see it: no correct answer, by construction. */
export const ZQuizQuestion = z.strictObject({
  index: z.number().int().min(0),
  count: z.number().int().min(1),
  text: z.string(),
  answers: z.array(z.string()).min(2).max(QUIZ_MAX_ANSWERS),
  imageUrl: z.string().nullable(),
  timeLimitMs: z.number().int().positive(),
});
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;

export const ZQuizLeaderRow = z.strictObject({
  rank: z.number().int().min(1),
  userId: z.string(),
  displayName: z.string(),
  score: z.number().int().min(0),
});
export type TQuizLeaderRow = z.infer<typeof ZQuizLeaderRow>;

/** Server clock fields every timed payload carries: clients derive their offset from `serverNow`. */
const timing = { serverNow: z.number().int() };

export const ZQuizLobbyEvent = z.strictObject({
  sessionId: ZQuizSessionId,
  version: z.number().int(),
  startsAt: z.number().int(),
  playerCount: z.number().int().min(0),
  questionCount: z.number().int().min(1),
  ...timing,
});
export type TQuizLobbyEvent = z.infer<typeof ZQuizLobbyEvent>;

export const ZQuizQuestionEvent = z.strictObject({
  sessionId: ZQuizSessionId,
  version: z.number().int(),
  question: ZQuizQuestion,
  /** Epoch ms on the server clock after which answers are refused. */
  deadline: z.number().int(),
  ...timing,
});
export type TQuizQuestionEvent = z.infer<typeof ZQuizQuestionEvent>;

/** Your own line of a reveal; null for someone who only watches. */
export const ZQuizYourResult = z.strictObject({
  answerIndex: ZAnswerIndex.nullable(),
  isCorrect: z.boolean(),
  points: z.number().int().min(0),
  speedBonus: z.number().int().min(0),
  streakBonus: z.number().int().min(0),
  streak: z.number().int().min(0),
  score: z.number().int().min(0),
  rank: z.number().int().min(1),
});
export type TQuizYourResult = z.infer<typeof ZQuizYourResult>;

export const ZQuizRevealEvent = z.strictObject({
  sessionId: ZQuizSessionId,
  version: z.number().int(),
  questionIndex: z.number().int().min(0),
  questionCount: z.number().int().min(1),
  correctIndex: ZAnswerIndex,
  /** How many players picked each answer, by answer index. */
  distribution: z.array(z.number().int().min(0)),
  answeredCount: z.number().int().min(0),
  playerCount: z.number().int().min(0),
  top: z.array(ZQuizLeaderRow).max(10),
  /** When the next question (or the results) comes, server clock. */
  nextAt: z.number().int(),
  you: ZQuizYourResult.nullable(),
  ...timing,
});
export type TQuizRevealEvent = z.infer<typeof ZQuizRevealEvent>;

export const ZQuizFinalResult = z.strictObject({
  score: z.number().int().min(0),
  rank: z.number().int().min(1),
  correctCount: z.number().int().min(0),
  answeredCount: z.number().int().min(0),
  rewardPoints: z.number().int().min(0),
});
export type TQuizFinalResult = z.infer<typeof ZQuizFinalResult>;

export const ZQuizEndedEvent = z.strictObject({
  sessionId: ZQuizSessionId,
  version: z.number().int(),
  questionCount: z.number().int().min(1),
  playerCount: z.number().int().min(0),
  top: z.array(ZQuizLeaderRow).max(10),
  you: ZQuizFinalResult.nullable(),
  ...timing,
});
export type TQuizEndedEvent = z.infer<typeof ZQuizEndedEvent>;

/** Where the player stands, in the join snapshot. */
export const ZQuizPlayerState = z.strictObject({
  /** First question this player may answer; a late joiner watches until then. */
  eligibleFrom: z.number().int().min(0),
  /** The answer already given to the current question (after a reload), else null. */
  currentAnswer: ZAnswerIndex.nullable(),
  score: z.number().int().min(0),
  rank: z.number().int().min(1).nullable(),
  streak: z.number().int().min(0),
});

/** `quiz:join` ack: everything a (re)connecting client needs to draw the current screen. */
export const ZQuizSnapshot = z.strictObject({
  sessionId: ZQuizSessionId,
  title: z.string(),
  phase: ZQuizPhase,
  version: z.number().int(),
  questionCount: z.number().int().min(1),
  lobby: ZQuizLobbyEvent.nullable(),
  question: ZQuizQuestionEvent.nullable(),
  reveal: ZQuizRevealEvent.nullable(),
  ended: ZQuizEndedEvent.nullable(),
  /** null when the session has ended before this player joined (they only see results). */
  player: ZQuizPlayerState.nullable(),
  ...timing,
});
export type TQuizSnapshot = z.infer<typeof ZQuizSnapshot>;

// ── client → server ──────────────────────────────────────────────────────────────────────────

export const ZQuizJoinPayload = z.strictObject({ sessionId: ZQuizSessionId });
export const ZQuizLeavePayload = z.strictObject({ sessionId: ZQuizSessionId });
/** Strict: a client that adds a score, a timestamp or anything else is refused outright. */
export const ZQuizAnswerPayload = z.strictObject({
  sessionId: ZQuizSessionId,
  questionIndex: z.number().int().min(0).max(49),
  answerIndex: ZAnswerIndex,
});
export type TQuizAnswerPayload = z.infer<typeof ZQuizAnswerPayload>;

/** The answer was taken; `elapsedMs` is measured on the server, from question start to receipt. */
export const ZQuizAnswerAck = z.strictObject({
  questionIndex: z.number().int(),
  answerIndex: ZAnswerIndex,
  elapsedMs: z.number().int().min(0),
});
export type TQuizAnswerAck = z.infer<typeof ZQuizAnswerAck>;
