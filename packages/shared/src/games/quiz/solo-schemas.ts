import { z } from 'zod';
import { QUIZ_MAX_ANSWERS, ZQuizQuestion, ZQuizSoloRunId, ZQuizYourResult } from './schemas.js';

const ZCampaignId = z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id');
const ZAnswerIndex = z
  .number()
  .int()
  .min(0)
  .max(QUIZ_MAX_ANSWERS - 1);
const timing = { serverNow: z.number().int() };

// ── solo practice ────────────────────────────────────────────────────────────────────────────

export const ZQuizSoloStartPayload = z.strictObject({ campaignId: ZCampaignId });
/** `answerIndex: null` says "time ran out": accepted only once the deadline has passed. */
export const ZQuizSoloAnswerPayload = z.strictObject({
  runId: ZQuizSoloRunId,
  questionIndex: z.number().int().min(0).max(49),
  answerIndex: ZAnswerIndex.nullable(),
});

export const ZQuizSoloQuestion = z.strictObject({
  runId: ZQuizSoloRunId,
  question: ZQuizQuestion,
  deadline: z.number().int(),
  ...timing,
});
export type TQuizSoloQuestion = z.infer<typeof ZQuizSoloQuestion>;

export const ZQuizSoloFinal = z.strictObject({
  score: z.number().int().min(0),
  correctCount: z.number().int().min(0),
  questionCount: z.number().int().min(1),
  rewardPoints: z.number().int().min(0),
  /** The daily cap cut (or zeroed) this run's reward. */
  isCapped: z.boolean(),
});
export type TQuizSoloFinal = z.infer<typeof ZQuizSoloFinal>;

export const ZQuizSoloResult = z.strictObject({
  questionIndex: z.number().int().min(0),
  correctIndex: ZAnswerIndex,
  you: ZQuizYourResult.omit({ rank: true }),
  next: ZQuizSoloQuestion.nullable(),
  final: ZQuizSoloFinal.nullable(),
});
export type TQuizSoloResult = z.infer<typeof ZQuizSoloResult>;
