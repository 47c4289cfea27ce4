import type { TSupportActionBody } from '@playloop/shared';
import { withTransaction, type Pool } from '../db/pool.js';
import { AppError } from '../errors/app-error.js';
import type { Logger } from '../logging/logger.js';
import type { RealtimeNotifier } from '../notifications/service.js';
import { announcePayout } from './notify.js';
import type { PayoutQueue } from './queue.js';
import { returnPoints } from './settle.js';
import { recordPayoutStatus } from './status-history.js';

export interface SupportActionDeps {
  pool: Pool;
  notifier: RealtimeNotifier;
  logger: Logger;
  queue: Pick<PayoutQueue, 'enqueuePayout'>;
  configuredProviders: ReadonlySet<string>;
}

/**
 * Stage 2 decisions on an escalated payout. `retry` and `switch_provider` put it back in the
 * workers' hands with a fresh attempt budget and stage clock (same idempotency key, so a provider
 * that did pay answers with the existing order); `refund` ends it with the points back.
 */
export async function performSupportAction(
  deps: SupportActionDeps,
  payoutId: string,
  body: TSupportActionBody,
  actorId: string,
): Promise<void> {
  const note = body.note ? `: ${body.note}` : '';
  const outcome = await withTransaction(deps.pool, async (tx) => {
    const { rows } = await tx.query<{ status: string; kind: string; provider: string | null }>(
      'select status, kind, provider from payouts where id = $1 for update',
      [payoutId],
    );
    const p = rows[0];
    if (!p) throw new AppError('NOT_FOUND', { message: 'No such payout.' });
    if (p.status !== 'escalated')
      throw new AppError('CONFLICT', {
        message: `Only escalated payouts can be acted on; this one is ${p.status}.`,
      });
    if (body.action === 'refund') {
      await returnPoints(
        tx,
        payoutId,
        ['escalated'],
        'refunded',
        `refunded by support${note}`,
        actorId,
      );
      return 'refunded' as const;
    }
    let provider = p.provider;
    if (body.action === 'switch_provider') {
      if (p.kind === 'coupon')
        throw new AppError('CONFLICT', { message: 'Coupons have no provider to switch.' });
      if (!deps.configuredProviders.has(body.provider)) {
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: 'provider', message: `${body.provider} is not configured` }],
        });
      }
      if (body.provider === p.provider)
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: 'provider', message: 'is already the payout provider' }],
        });
      provider = body.provider;
    }
    await tx.query(
      `update payouts set status = 'processing', provider = $2, counted_attempts = 0, escalation_reason = null, window_started_at = now(),
         next_attempt_at = now(), updated_at = now() where id = $1`,
      [payoutId, provider],
    );
    const why =
      body.action === 'retry'
        ? `retry by support${note}`
        : `switched from ${p.provider} to ${provider} by support${note}`;
    await recordPayoutStatus(tx, payoutId, 'escalated', 'processing', why, actorId);
    return 'requeued' as const;
  });
  deps.logger.info(
    { event: 'payout_support_action', payoutId, action: body.action, actorId },
    'support acted on payout',
  );
  if (outcome === 'requeued') await deps.queue.enqueuePayout(payoutId);
  await announcePayout(deps.pool, deps.notifier, payoutId, { wallet: outcome === 'refunded' });
}
