import type { TPayoutPolicy } from '@playloop/shared';

/**
 * Delay before retry number `retry` (1 = the first retry): base · factor^(retry−1), capped, with
 * ± jitter; a provider's Retry-After wins when it asks for longer (capped by the policy).
 */
export function retryDelayMs(
  policy: TPayoutPolicy['retry'],
  retry: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * policy.factor ** Math.max(0, retry - 1),
  );
  const jitter = exponential * policy.jitterRatio * (random() * 2 - 1);
  const backoff = Math.max(0, Math.round(exponential + jitter));
  if (!policy.honourRetryAfter || retryAfterMs === null) return backoff;
  return Math.max(backoff, Math.min(retryAfterMs, policy.maxRetryAfterMs));
}
