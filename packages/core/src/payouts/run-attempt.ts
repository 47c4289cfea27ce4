import type { TPayoutPolicy, TPayoutStatus } from '@playloop/shared';
import { withTransaction, type Pool } from '../db/pool.js';
import type { Logger } from '../logging/logger.js';
import type { RealtimeNotifier } from '../notifications/service.js';
import {
  claimAttempt,
  finishAttempt,
  hasAmbiguousAttempt,
  loadPayoutForAttempt,
  type PayoutForAttempt,
} from './attempts.js';
import type { PayoutBreaker, BreakerGate } from './breaker.js';
import { checkAmount } from './classify.js';
import { handleProviderFailure } from './handle-failure.js';
import { announcePayout } from './notify.js';
import type { PolicySource } from './policy-store.js';
import {
  ProviderError,
  type PayoutOrder,
  type PayoutProvider,
  type ProviderRegistry,
} from './provider.js';
import { escalatePayout, fulfilPayout } from './settle.js';
import { recordPayoutStatus } from './status-history.js';

/** Everything one payout attempt needs; built once per worker process. */
export interface PayoutEngine {
  pool: Pool;
  providers: ProviderRegistry;
  breaker: PayoutBreaker;
  policies: PolicySource;
  notifier: RealtimeNotifier;
  logger: Logger;
  random?: () => number;
}

/** What the worker does with the job: nothing more (settled), or run it again after `delayMs`. */
export type AttemptDecision =
  | { kind: 'settled'; status: TPayoutStatus | 'missing' }
  | { kind: 'later'; delayMs: number; reason: 'backoff' | 'breaker_open' | 'pending' };

/**
 * One step of a payout under the policy in force: escalate it if it is overdue; wait if its
 * provider's breaker is open (or fail over to the configured secondary when that cannot pay twice);
 * otherwise claim an attempt, call the provider with the payout's idempotency key, and settle,
 * retry later, fail with points back or escalate, as the failure's category dictates.
 */
export async function runPayoutAttempt(
  e: PayoutEngine,
  payoutId: string,
): Promise<AttemptDecision> {
  const policy = await e.policies.current();
  const p = await loadPayoutForAttempt(e.pool, payoutId);
  if (!p) return { kind: 'settled', status: 'missing' };
  if (p.status !== 'requested' && p.status !== 'processing')
    return { kind: 'settled', status: p.status };
  if (p.age_ms > policy.escalateAfterMs) {
    return escalate(
      e,
      p,
      `stage 2: not settled ${Math.round(p.age_ms / 60_000)} min after the request`,
    );
  }
  let provider = e.providers.get(p.provider);
  if (!provider)
    return escalate(e, p, `provider ${p.provider} is not configured in this deployment`);

  let gate = await e.breaker.acquire(provider.name, policy.breaker, policy.timeoutMs + 1_000);
  if (!gate.allowed) {
    const failover = await tryFailover(e, p, policy);
    if (!failover)
      return { kind: 'later', delayMs: gate.waitMs + spread(e, policy), reason: 'breaker_open' };
    ({ provider, gate } = failover);
  }

  const counted = !gate.probe && p.last_outcome !== 'pending';
  const claim = await claimAttempt(e.pool, e.logger, p, provider.name, {
    probe: gate.probe,
    counted,
  });
  if (!claim) {
    if (gate.probe) await e.breaker.releaseProbe(provider.name);
    return {
      kind: 'settled',
      status: (await loadPayoutForAttempt(e.pool, payoutId))?.status ?? 'missing',
    };
  }
  if (claim.previous === 'requested') await announcePayout(e.pool, e.notifier, p.id);

  const started = Date.now();
  let order: PayoutOrder;
  try {
    order = await provider.issue(
      {
        idempotencyKey: p.idempotency_key,
        reference: p.id,
        amountCents: p.amount_cents,
        currency: p.currency,
        sku: p.sku,
        recipient: { userId: p.user_id, email: p.email },
      },
      { timeoutMs: policy.timeoutMs },
    );
    const mismatch = checkAmount(order, p.amount_cents, p.currency);
    if (mismatch) throw mismatch;
    if (order.status === 'failed')
      throw new ProviderError('declined', 'ORDER_FAILED', 'provider reports the order failed', {
        order,
      });
  } catch (err) {
    const failure =
      err instanceof ProviderError
        ? err
        : new ProviderError('server_error', 'CLIENT_ERROR', (err as Error).message, { cause: err });
    return handleProviderFailure(e, {
      p,
      policy,
      provider: provider.name,
      claim,
      failure,
      durationMs: Date.now() - started,
    });
  }
  await e.breaker.recordSuccess(provider.name);
  return settleSuccess(e, p, policy, provider, claim.attemptNo, order, Date.now() - started);
}

async function settleSuccess(
  e: PayoutEngine,
  p: PayoutForAttempt,
  policy: TPayoutPolicy,
  provider: PayoutProvider,
  attemptNo: number,
  order: PayoutOrder,
  durationMs: number,
): Promise<AttemptDecision> {
  if (order.status === 'pending') {
    await withTransaction(e.pool, async (tx) => {
      await finishAttempt(tx, p.id, attemptNo, {
        outcome: 'pending',
        code: order.orderId,
        durationMs,
      });
      await tx.query(
        `update payouts set next_attempt_at = now() + $2 * interval '1 millisecond', provider_reference = $3 where id = $1`,
        [p.id, policy.pendingCheckMs, order.orderId],
      );
    });
    return { kind: 'later', delayMs: policy.pendingCheckMs, reason: 'pending' };
  }
  const settled = await withTransaction(e.pool, async (tx) => {
    await finishAttempt(tx, p.id, attemptNo, {
      outcome: 'fulfilled',
      code: order.orderId,
      durationMs,
    });
    return fulfilPayout(
      tx,
      p.id,
      { orderId: order.orderId, code: order.code, provider: provider.name },
      ['requested', 'processing'],
      `fulfilled by ${provider.name}`,
    );
  });
  if (settled) await announcePayout(e.pool, e.notifier, p.id);
  return { kind: 'settled', status: 'fulfilled' };
}

async function escalate(
  e: PayoutEngine,
  p: PayoutForAttempt,
  reason: string,
): Promise<AttemptDecision> {
  const moved = await withTransaction(e.pool, (tx) =>
    escalatePayout(tx, p.id, ['requested', 'processing'], reason),
  );
  if (moved) {
    e.logger.warn(
      { event: 'payout_escalated', payoutId: p.id, provider: p.provider, reason },
      'payout escalated',
    );
    await announcePayout(e.pool, e.notifier, p.id);
  }
  return { kind: 'settled', status: 'escalated' };
}

async function tryFailover(
  e: PayoutEngine,
  p: PayoutForAttempt,
  policy: TPayoutPolicy,
): Promise<{ provider: PayoutProvider; gate: BreakerGate } | null> {
  const secondaryName = policy.providers[p.provider]?.secondary;
  const secondary = secondaryName ? e.providers.get(secondaryName) : undefined;
  if (!secondary) return null;
  if (await hasAmbiguousAttempt(e.pool, p.id, p.provider)) return null;
  const gate = await e.breaker.acquire(secondary.name, policy.breaker, policy.timeoutMs + 1_000);
  if (!gate.allowed) return null;
  await recordPayoutStatus(
    e.pool,
    p.id,
    p.status,
    p.status,
    `failover: ${p.provider} breaker open, ${secondary.name} takes over`,
  );
  e.logger.info(
    { event: 'payout_failover', payoutId: p.id, from: p.provider, to: secondary.name },
    'payout failover',
  );
  return { provider: secondary, gate };
}

/** Payouts that waited on the same open breaker should not all come back in the same millisecond. */
function spread(e: PayoutEngine, policy: TPayoutPolicy): number {
  return Math.floor((e.random ?? Math.random)() * Math.min(1_000, policy.breaker.cooldownMs * 0.2));
}
