import { routes, type RouteContract } from '@playloop/shared';
import { apiFetch } from '../../api/api-fetch';

function at<R extends RouteContract>(
  route: R,
  params: Record<string, string>,
  query?: Record<string, string>,
): R {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  return { ...route, path: query ? `${path}?${new URLSearchParams(query)}` : path };
}

/** The quiz's REST calls, validated by the shared contract. */
export const quizApi = {
  campaigns: () => apiFetch(routes.campaigns),
  sessions: (campaignId: string) => apiFetch(at(routes.quizSessions, {}, { campaignId })),
  results: (sessionId: string) => apiFetch(at(routes.quizResults, { sessionId })),
};
