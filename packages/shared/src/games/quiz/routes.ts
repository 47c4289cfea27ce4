import type { RouteContract } from '../../rest/routes.js';
import {
  ZQuizBank,
  ZQuizQuestionBody,
  ZQuizQuestionCreated,
  ZQuizResults,
  ZQuizScheduleBody,
  ZQuizSessionList,
  ZQuizSessionsQuery,
  ZQuizSessionSummary,
} from './rest-schemas.js';

/** The live quiz's REST side (playing happens over the socket); spread into `routes`. */
export const quizRoutes = {
  quizSessions: {
    method: 'get',
    path: '/api/quiz/sessions',
    summary: "A campaign's live and upcoming quiz shows, then its latest finished ones",
    tag: 'quiz',
    auth: 'none',
    query: ZQuizSessionsQuery,
    response: ZQuizSessionList,
  },
  quizResults: {
    method: 'get',
    path: '/api/quiz/sessions/:sessionId/results',
    summary: 'Final top ten of a quiz show and your own result',
    tag: 'quiz',
    auth: 'access',
    response: ZQuizResults,
  },
  quizBank: {
    method: 'get',
    path: '/api/admin/quiz/questions',
    summary: "A campaign's quiz bank, newest first, without the correct answers",
    tag: 'quiz',
    auth: 'access',
    roles: ['marketing'],
    query: ZQuizSessionsQuery,
    response: ZQuizBank,
  },
  quizAddQuestion: {
    method: 'post',
    path: '/api/admin/quiz/questions',
    summary: "Add a question to a campaign's quiz bank",
    tag: 'quiz',
    auth: 'access',
    roles: ['marketing'],
    body: ZQuizQuestionBody,
    response: ZQuizQuestionCreated,
    status: 201,
  },
  quizSchedule: {
    method: 'post',
    path: '/api/admin/quiz/sessions',
    summary: 'Schedule a live quiz show from questions of the bank',
    tag: 'quiz',
    auth: 'access',
    roles: ['marketing'],
    body: ZQuizScheduleBody,
    response: ZQuizSessionSummary,
    status: 201,
  },
} as const satisfies Record<string, RouteContract>;
