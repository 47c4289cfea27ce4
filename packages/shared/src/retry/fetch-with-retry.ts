import { fullJitterDelay, isRetryableStatus, isSafeToRetry, parseRetryAfter } from './backoff.js';
import { RetryBudget } from './budget.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error goes to the caller. */
  maxRetryAfterMs: number;
  budget: RetryBudget;
}

export function defaultRetryPolicy(budget = new RetryBudget()): RetryPolicy {
  return { maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 10_000, maxRetryAfterMs: 30_000, budget };
}

export interface RetryDeps {
  fetch: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function hasIdempotencyKey(init: RequestInit | undefined): boolean {
  return new Headers(init?.headers).has('Idempotency-Key');
}

/**
 * `fetch` under the shared client policy: retries only requests that are safe to repeat, only on
 * network errors and retryable statuses, waits `Retry-After` when the server names it (else full
 * jitter), and stops when attempts or the shared budget run out. The last response (or error) is
 * returned to the caller unchanged.
 */
export async function fetchWithRetry(
  input: string,
  init: RequestInit | undefined,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<Response> {
  const sleep = deps.sleep ?? defaultSleep;
  const method = (init?.method ?? 'GET').toUpperCase();
  const retryable = isSafeToRetry(method, hasIdempotencyKey(init));
  policy.budget.recordRequest();

  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let error: unknown;
    try {
      response = await deps.fetch(input, init);
    } catch (err) {
      error = err;
    }
    const failedTransiently =
      error !== undefined || (response && isRetryableStatus(response.status));
    const isLast = attempt + 1 >= policy.maxAttempts;
    if (!failedTransiently || !retryable || isLast) {
      if (response) return response;
      throw error;
    }
    const retryAfter = response
      ? parseRetryAfter(response.headers.get('Retry-After'), deps.now?.())
      : null;
    if (retryAfter !== null && retryAfter > policy.maxRetryAfterMs) return response as Response;
    if (!policy.budget.tryWithdraw()) {
      if (response) return response;
      throw error;
    }
    const delay = retryAfter ?? fullJitterDelay(attempt, policy, deps.random);
    await sleep(delay);
  }
}

/** Socket.IO client reconnection: exponential with ±50% randomisation so pods are not stampeded. */
export const socketReconnectOptions = {
  reconnection: true,
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 30_000,
  randomizationFactor: 0.5,
} as const;
