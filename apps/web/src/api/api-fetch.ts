import {
  defaultRetryPolicy,
  fetchWithRetry,
  RetryBudget,
  type RouteContract,
} from '@playloop/shared';
import type { z } from 'zod';
import { ApiError, networkError, toApiError } from './api-error';
import { tokenSource } from './token-source';

/**
 * One retry budget for every call this tab makes: when the api struggles, the whole page backs off
 * together instead of each component hammering it with its own retries.
 */
const retryPolicy = defaultRetryPolicy(new RetryBudget());
// `fetch` must be called with `window` as `this`; passed bare it throws "Illegal invocation".
const retryDeps = {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => window.fetch(input, init),
};

type BodyOf<R extends RouteContract> = R['body'] extends z.ZodType ? z.input<R['body']> : never;

export interface ApiFetchOptions<R extends RouteContract> {
  body?: BodyOf<R>;
  /** Use this token instead of the session's (while a session is being established). */
  accessToken?: string;
  /** Values for `:name` segments of the route's path. */
  params?: Record<string, string>;
  /** Query string values (undefined ones are left out). */
  query?: Record<string, string | number | undefined>;
  /** Makes a POST safe for the shared policy to retry (sent as `Idempotency-Key`). */
  idempotencyKey?: string;
}

/** The route's path with its `:params` filled in (encoded) and the query appended. */
export function routeUrl(
  path: string,
  params: Record<string, string> = {},
  query: Record<string, string | number | undefined> = {},
): string {
  const filled = path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
  const search = qs.toString();
  return search ? `${filled}?${search}` : filled;
}

/** Codes after which a fresh access token may help: refresh once and repeat the call. */
const REFRESHABLE = new Set(['AUTH_TOKEN_EXPIRED', 'AUTH_INVALID_TOKEN']);

/**
 * Calls one route of the shared REST contract: the shared retry policy, the bearer token for
 * `access` routes (refreshed once on expiry), errors as `ApiError`, success bodies validated
 * against the contract's response schema.
 */
export async function apiFetch<R extends RouteContract>(
  route: R,
  options: ApiFetchOptions<R> = {},
): Promise<z.output<R['response']>> {
  const needsToken = route.auth === 'access';
  const send = (token: string | null) => {
    const headers = new Headers({ Accept: 'application/json' });
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
    const init: RequestInit = {
      method: route.method.toUpperCase(),
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    };
    return fetchWithRetry(
      routeUrl(route.path, options.params, options.query),
      init,
      retryPolicy,
      retryDeps,
    ).catch((err: unknown) => {
      throw networkError(err);
    });
  };

  const token = needsToken ? (options.accessToken ?? tokenSource().getAccessToken()) : null;
  if (needsToken && !token) throw new ApiError('AUTH_REQUIRED', 401, 'Not signed in.');
  let res = await send(token);

  if (needsToken && res.status === 401 && options.accessToken === undefined) {
    const err = await toApiError(res);
    if (!REFRESHABLE.has(err.code)) throw err;
    // Someone may have refreshed while this call was out; then the new token is enough.
    const current = tokenSource().getAccessToken();
    const fresh = current && current !== token ? current : await tokenSource().refreshAccessToken();
    if (!fresh) throw err;
    res = await send(fresh);
  }

  if (!res.ok) throw await toApiError(res);
  const json: unknown = await res.json().catch(() => undefined);
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    console.error(
      `${route.method.toUpperCase()} ${route.path}: response does not match the contract`,
      parsed.error,
    );
    throw new ApiError('INTERNAL', res.status, 'Unexpected response from the server.');
  }
  return parsed.data as z.output<R['response']>;
}
