import { z } from 'zod';
import {
  QUIZ_MAX_ANSWERS,
  ZQuizFinalResult,
  ZQuizLeaderRow,
  ZQuizRewardRules,
  ZQuizSessionId,
} from './schemas.js';

const ZCampaignId = z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id');
const ZAnswerIndex = z
  .number()
  .int()
  .min(0)
  .max(QUIZ_MAX_ANSWERS - 1);

// ── REST ─────────────────────────────────────────────────────────────────────────────────────

export const ZQuizSessionSummary = z.strictObject({
  id: ZQuizSessionId,
  campaignId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  lobbyOpensAt: z.string(),
  status: z.enum(['scheduled', 'running', 'ended', 'settled', 'cancelled']),
  questionCount: z.number().int().min(1),
  playerCount: z.number().int().min(0).nullable(),
});
export type TQuizSessionSummary = z.infer<typeof ZQuizSessionSummary>;
export const ZQuizSessionsQuery = z.strictObject({ campaignId: ZCampaignId });
export const ZQuizSessionList = z.strictObject({ sessions: z.array(ZQuizSessionSummary) });
export const ZQuizSessionIdParam = z.strictObject({ sessionId: ZQuizSessionId });
export const ZQuizResults = z.strictObject({
  session: ZQuizSessionSummary,
  top: z.array(ZQuizLeaderRow).max(10),
  you: ZQuizFinalResult.nullable(),
});
export type TQuizResults = z.infer<typeof ZQuizResults>;

/** Marketing adds a question to a campaign's bank (5–60 s, 2–4 answers). */
const questionFields = {
  text: z.string().trim().min(1).max(300),
  answers: z.array(z.string().trim().min(1).max(120)).min(2).max(QUIZ_MAX_ANSWERS),
  correctIndex: ZAnswerIndex,
  timeLimitSeconds: z.number().int().min(5).max(60).default(15),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
};
const correctInRange = (q: { correctIndex: number; answers: string[] }) =>
  q.correctIndex < q.answers.length;
const CORRECT_IN_RANGE = { path: ['correctIndex'], message: 'must point at one of the answers' };

export const ZQuizQuestionBody = z
  .strictObject({ campaignId: ZCampaignId, ...questionFields })
  .refine(correctInRange, CORRECT_IN_RANGE);
/** PUT /api/admin/quiz/questions/:questionId: the whole question again (its campaign stays). */
export const ZQuizQuestionEditBody = z
  .strictObject(questionFields)
  .refine(correctInRange, CORRECT_IN_RANGE);
export const ZQuizQuestionCreated = z.strictObject({ id: z.string() });

/**
 * A question of the bank as the console lists it, to pick questions for a show. Never with its
 * correct answer: that is written once and leaves the server only in the question's reveal.
 */
export const ZQuizBankQuestion = z.strictObject({
  id: z.string(),
  text: z.string(),
  answers: z.array(z.string()),
  timeLimitSeconds: z.number().int(),
  imageUrl: z.string().nullable(),
  /** Shows (not cancelled) that ask it. */
  sessionCount: z.number().int().min(0),
  createdAt: z.string(),
});
export type TQuizBankQuestion = z.infer<typeof ZQuizBankQuestion>;
export const ZQuizBank = z.strictObject({ questions: z.array(ZQuizBankQuestion) });
export const ZQuizQuestionIdParam = z.strictObject({
  questionId: z.string().regex(/^qzq_[0-9A-Za-z]{20}$/, 'is not a question id'),
});
export const ZQuizQuestionRetired = z.strictObject({ retired: z.literal(true) });
/**
 * An edit lands in place while no show has opened its lobby with the question. Once one has, the
 * edit becomes a new question (`replaced`, with its new `id`): shows that asked the old one keep
 * it, the old one is retired, and shows still waiting for their lobby ask the new one.
 */
export const ZQuizQuestionEdited = z.strictObject({
  id: z.string(),
  replaced: z.boolean(),
  /** Scheduled shows switched to the corrected question (0 when edited in place). */
  showsUpdated: z.number().int().min(0),
});

/** Marketing schedules a live session from questions of the campaign's bank. */
export const ZQuizScheduleBody = z.strictObject({
  campaignId: ZCampaignId,
  title: z.string().trim().min(1).max(120).default('Live quiz'),
  startsAt: z.iso.datetime({ offset: true }),
  questionIds: z
    .array(z.string().regex(/^qzq_[0-9A-Za-z]{20}$/))
    .min(1)
    .max(50),
  lobbySeconds: z.number().int().min(5).max(3600).default(60),
  revealSeconds: z.number().int().min(1).max(60).default(6),
  rewardRules: ZQuizRewardRules.default({
    participation: 10,
    perCorrect: 20,
    podium: [300, 200, 100],
  }),
});
