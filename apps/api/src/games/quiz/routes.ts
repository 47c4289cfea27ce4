// GET /api/quiz/sessions · GET /api/quiz/sessions/:sessionId/results
// GET|POST /api/admin/quiz/questions · PUT|DELETE /api/admin/quiz/questions/:questionId
// POST /api/admin/quiz/sessions
import { Router } from 'express';
import {
  createQuizQuestion,
  editQuizQuestion,
  listQuizBank,
  retireQuizQuestion,
  listQuizSessions,
  readQuizResults,
  scheduleQuizSession,
  type Authenticate,
  type Pool,
} from '@playloop/core';
import {
  routes,
  ZQuizQuestionBody,
  ZQuizQuestionEditBody,
  ZQuizQuestionIdParam,
  ZQuizScheduleBody,
  ZQuizSessionIdParam,
  ZQuizSessionsQuery,
} from '@playloop/shared';
import { auditDone, staffOnly } from '../../admin/guard.js';
import { principalOf, requireAuth } from '../../auth/require-auth.js';
import { mount } from '../../http/route.js';
import { parseInput } from '../../http/validate.js';

export interface QuizRouteDeps {
  pool: Pool;
  accounts: { authenticate: Authenticate };
}

/**
 * What the SPA needs around a live show (which one to join, the final results) and how marketing
 * fills a bank and schedules a show. The bank is listed to staff without its correct answers: they
 * are written once and leave the server only in a question's reveal.
 */
export function quizRoutes(deps: QuizRouteDeps): Router {
  const router = Router();
  const staff = staffOnly(deps, ['marketing']);

  mount(router, routes.quizSessions, async (req) => {
    const { campaignId } = parseInput(ZQuizSessionsQuery, req.query);
    return { sessions: await listQuizSessions(deps.pool, campaignId) };
  });

  mount(router, routes.quizResults, requireAuth(deps.accounts), async (req, res) => {
    const { sessionId } = parseInput(ZQuizSessionIdParam, req.params);
    return readQuizResults(deps.pool, sessionId, principalOf(res).userId);
  });

  mount(router, routes.quizBank, ...staff, async (req) => {
    const { campaignId } = parseInput(ZQuizSessionsQuery, req.query);
    return { questions: await listQuizBank(deps.pool, campaignId) };
  });

  mount(router, routes.quizAddQuestion, ...staff, async (req, res) => {
    const body = parseInput(ZQuizQuestionBody, req.body);
    const created = await createQuizQuestion(deps.pool, body);
    // The audit keeps which question was added, never its answer.
    await auditDone(deps.pool, req, res, {
      action: 'quiz.question.add',
      entityType: 'quiz_question',
      entityId: created.id,
      after: { campaignId: body.campaignId },
    });
    return created;
  });

  mount(router, routes.quizEditQuestion, ...staff, async (req, res) => {
    const { questionId } = parseInput(ZQuizQuestionIdParam, req.params);
    const body = parseInput(ZQuizQuestionEditBody, req.body);
    const edited = await editQuizQuestion(deps.pool, questionId, body);
    // Like an addition, the audit says what changed hands, never the answer.
    await auditDone(deps.pool, req, res, {
      action: 'quiz.question.edit',
      entityType: 'quiz_question',
      entityId: questionId,
      after: {
        campaignId: edited.campaignId,
        ...(edited.replaced ? { replacedBy: edited.id, showsUpdated: edited.showsUpdated } : {}),
      },
    });
    return { id: edited.id, replaced: edited.replaced, showsUpdated: edited.showsUpdated };
  });

  mount(router, routes.quizRetireQuestion, ...staff, async (req, res) => {
    const { questionId } = parseInput(ZQuizQuestionIdParam, req.params);
    const { campaignId } = await retireQuizQuestion(deps.pool, questionId);
    await auditDone(deps.pool, req, res, {
      action: 'quiz.question.retire',
      entityType: 'quiz_question',
      entityId: questionId,
      after: { campaignId, active: false },
    });
    return { retired: true as const };
  });

  mount(router, routes.quizSchedule, ...staff, async (req, res) => {
    const body = parseInput(ZQuizScheduleBody, req.body);
    const session = await scheduleQuizSession(deps.pool, body);
    await auditDone(deps.pool, req, res, {
      action: 'quiz.session.schedule',
      entityType: 'quiz_session',
      entityId: session.id,
      after: session,
    });
    return session;
  });

  return router;
}
