import type { RouteObject } from 'react-router';
import { RequireSession } from '../../app/require-session';

/**
 * The quiz's pages, spread into the app router's children. Loaded on demand: the quiz's code
 * (and nothing else of it, the answers never being in any bundle) arrives when a player opens it.
 */
export const quizRoutes: RouteObject[] = [
  {
    path: 'quiz',
    lazy: async () => {
      const { QuizIndexPage } = await import('./quiz-index-page');
      return {
        element: (
          <RequireSession>
            <QuizIndexPage />
          </RequireSession>
        ),
      };
    },
  },
  {
    path: 'quiz/practice/:campaignId',
    lazy: async () => {
      const { SoloQuizPage } = await import('./solo-quiz-page');
      return {
        element: (
          <RequireSession>
            <SoloQuizPage />
          </RequireSession>
        ),
      };
    },
  },
  {
    path: 'quiz/:sessionId',
    lazy: async () => {
      const { LiveQuizPage } = await import('./live-quiz-page');
      return {
        element: (
          <RequireSession>
            <LiveQuizPage />
          </RequireSession>
        ),
      };
    },
  },
];
