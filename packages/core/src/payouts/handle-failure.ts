import type { TFailureAction, TPayoutPolicy } from '@playloop/shared';
import { withTransaction } from '../db/pool.js';
import { finishAttempt, type ClaimedAttempt, type PayoutForAttempt } from './attempts.js';
import { retryDelayMs } from './backoff.js';
import { recordPayoutException } from './exceptions.js';
import { announcePayout } from './notify.js';
import type { ProviderError } from './provider.js';
import type { AttemptDecision, PayoutEngine } from './run-attempt.js';
import { escalatePayout, returnPoints } from './settle.js';

export interface FailureContext {
  p: PayoutForAttempt;
  policy: TPayoutPolicy;
  provider: string;
  claim: ClaimedAttempt;
  failure: ProviderError;
  durationMs: number;
}

/**
 * The policy applied to one classified failure: the breaker hears about it (a provider that
 * answered "declined" is healthy: that resets the count), the exception is recorded, and the
 * payout is retried after backoff, failed with its points back, or escalated.
 */
export async function handleProviderFailure(
  e: PayoutEngine,
  c: FailureContext,
): Promise<AttemptDecision> {
  const { p, policy, failure } = c;
  if (policy.breaker.countedCategories.includes(failure.category)) {
    const opened = await e.breaker.recordFailure(c.provider, policy.breaker, c.claim.probe);
    if (opened)
      e.logger.warn(
        {
          event: 'breaker_opened',
          provider: c.provider,
          cooldownMs: policy.breaker.cooldownMs,
          probe: c.claim.probe,
        },
        'payout provider breaker opened',
      );
  } else {
    await e.breaker.recordSuccess(c.provider);
  }

  let action: TFailureAction = policy.actions[failure.category];
  const exhausted = c.claim.countedAttempts >= policy.retry.maxAttempts;
  if (action === 'retry' && exhausted) action = policy.onRetriesExhausted;
  const summary = `${failure.category} (${failure.code}) from ${c.provider}`;
  const delayMs = retryDelayMs(
    policy.retry,
    Math.max(1, c.claim.countedAttempts),
    failure.retryAfterMs,
    e.random,
  );

  const moved = await withTransaction(e.pool, async (tx) => {
    await finishAttempt(tx, p.id, c.claim.attemptNo, {
      outcome: 'failed',
      category: failure.category,
      code: failure.code,
      httpStatus: failure.httpStatus,
      detail: failure.message,
      durationMs: c.durationMs,
    });
    await recordPayoutException(tx, e.logger, {
      payoutId: p.id,
      attemptNo: c.claim.attemptNo,
      provider: c.provider,
      category: failure.category,
      code: failure.code,
      detail: failure.message,
      playerSegment: p.player_segment,
      device: p.device,
    });
    if (action === 'retry') {
      await tx.query(
        `update payouts set next_attempt_at = now() + $2 * interval '1 millisecond', last_error_category = $3, last_error_code = $4, updated_at = now()
         where id = $1 and status = 'processing'`,
        [p.id, delayMs, failure.category, failure.code],
      );
      return false;
    }
    await tx.query(
      'update payouts set last_error_category = $2, last_error_code = $3 where id = $1',
      [p.id, failure.category, failure.code],
    );
    const why =
      exhausted && policy.actions[failure.category] === 'retry'
        ? `retries exhausted after ${c.claim.countedAttempts} attempts: ${summary}`
        : summary;
    return action === 'fail'
      ? returnPoints(tx, p.id, ['processing'], 'failed', why)
      : escalatePayout(tx, p.id, ['processing'], why);
  });

  if (action === 'retry') return { kind: 'later', delayMs, reason: 'backoff' };
  if (moved) {
    if (action === 'escalate')
      e.logger.warn(
        {
          event: 'payout_escalated',
          payoutId: p.id,
          provider: c.provider,
          category: failure.category,
        },
        'payout escalated',
      );
    await announcePayout(e.pool, e.notifier, p.id, { wallet: action === 'fail' });
  }
  return { kind: 'settled', status: action === 'fail' ? 'failed' : 'escalated' };
}
