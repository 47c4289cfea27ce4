import type { TPayoutStatus, TProviderCallback } from '@playloop/shared';
import { withTransaction, type Pool, type PoolClient } from '../db/pool.js';
import type { Logger } from '../logging/logger.js';
import type { RealtimeNotifier } from '../notifications/service.js';
import { recordPayoutException } from './exceptions.js';
import { announcePayout } from './notify.js';
import { escalatePayout, fulfilPayout, returnPoints } from './settle.js';

interface Target {
  id: string;
  status: TPayoutStatus;
  amount_cents: number;
  currency: string;
  player_segment: string;
  device: string;
  last_error_category: string | null;
  called: boolean;
}

type Verdict = { applied: boolean; note: string; wallet?: boolean };

/**
 * Applies a verified provider callback. The event id is recorded first (unique per provider), so a
 * replay finds it and changes nothing; an event only ever moves a payout forward from a state it
 * can leave, so events arriving late or out of order (processing after fulfilled, failed after
 * fulfilled) are recorded and ignored.
 */
export async function applyProviderCallback(
  deps: { pool: Pool; notifier: RealtimeNotifier; logger: Logger },
  provider: string,
  event: TProviderCallback,
): Promise<{ applied: boolean; duplicate: boolean; payoutId: string | null }> {
  const result = await withTransaction(deps.pool, async (tx) => {
    const seen = await tx.query<{ id: string }>(
      `insert into payout_provider_callbacks (provider, event_id, event_type, applied, body) values ($1, $2, $3, false, $4)
       on conflict on constraint payout_provider_callbacks_unique do nothing returning id`,
      [provider, event.id, event.type, JSON.stringify(event)],
    );
    if (!seen.rows[0]) return { applied: false, duplicate: true, payoutId: null, wallet: false };
    const target = await findTarget(tx, provider, event.data.idempotencyKey);
    const verdict: Verdict = target
      ? await decide(tx, deps.logger, provider, event, target)
      : { applied: false, note: 'no payout with this idempotency key' };
    await tx.query(
      'update payout_provider_callbacks set applied = $2, note = $3, payout_id = $4 where id = $1',
      [seen.rows[0].id, verdict.applied, verdict.note, target?.id ?? null],
    );
    return {
      applied: verdict.applied,
      duplicate: false,
      payoutId: target?.id ?? null,
      wallet: verdict.wallet ?? false,
    };
  });
  if (!result.duplicate)
    deps.logger.info(
      {
        event: 'payout_callback',
        provider,
        eventId: event.id,
        type: event.type,
        payoutId: result.payoutId,
        applied: result.applied,
      },
      'provider callback',
    );
  if (result.applied && result.payoutId)
    await announcePayout(deps.pool, deps.notifier, result.payoutId, { wallet: result.wallet });
  return { applied: result.applied, duplicate: result.duplicate, payoutId: result.payoutId };
}

async function findTarget(
  tx: PoolClient,
  provider: string,
  idempotencyKey: string,
): Promise<Target | undefined> {
  const { rows } = await tx.query<Target>(
    `select p.id, p.status, p.amount_cents, p.currency, p.player_segment, p.device, p.last_error_category,
            exists (select 1 from payout_attempts a where a.payout_id = p.id and a.provider = $1) as called
     from payouts p where p.idempotency_key = $2 for update`,
    [provider, idempotencyKey],
  );
  // A provider may only speak about payouts that were sent to it.
  return rows[0]?.called ? rows[0] : undefined;
}

async function decide(
  tx: PoolClient,
  logger: Logger,
  provider: string,
  event: TProviderCallback,
  p: Target,
): Promise<Verdict> {
  const live: TPayoutStatus[] = ['requested', 'processing'];
  if (event.type === 'order.processing') return { applied: false, note: 'informational' };
  if (event.type === 'order.failed') {
    if (!live.includes(p.status))
      return { applied: false, note: `ignored: payout already ${p.status}` };
    const code = event.data.failureCode ?? 'ORDER_FAILED';
    await recordPayoutException(tx, logger, {
      payoutId: p.id,
      attemptNo: null,
      provider,
      category: 'declined',
      code,
      detail: 'provider callback: order failed',
      playerSegment: p.player_segment,
      device: p.device,
    });
    await tx.query(
      `update payouts set last_error_category = 'declined', last_error_code = $2 where id = $1`,
      [p.id, code],
    );
    return {
      applied: await returnPoints(
        tx,
        p.id,
        live,
        'failed',
        `provider callback: order failed (${code})`,
      ),
      note: 'failed',
      wallet: true,
    };
  }
  const amountOk =
    event.data.amount.value === p.amount_cents && event.data.amount.currency === p.currency;
  if (!amountOk) {
    if (!live.includes(p.status))
      return { applied: false, note: `amount mismatch ignored: payout already ${p.status}` };
    await recordPayoutException(tx, logger, {
      payoutId: p.id,
      attemptNo: null,
      provider,
      category: 'amount_mismatch',
      code: 'AMOUNT_MISMATCH',
      detail: `callback amount ${event.data.amount.value} ${event.data.amount.currency}, payout is ${p.amount_cents} ${p.currency}`,
      playerSegment: p.player_segment,
      device: p.device,
    });
    await tx.query(
      `update payouts set last_error_category = 'amount_mismatch', last_error_code = 'AMOUNT_MISMATCH' where id = $1`,
      [p.id],
    );
    return {
      applied: await escalatePayout(
        tx,
        p.id,
        live,
        `amount_mismatch reported by ${provider} callback`,
      ),
      note: 'escalated: amount mismatch',
    };
  }
  // A late confirmation also settles an escalated payout, unless it was escalated for a wrong amount.
  const from: TPayoutStatus[] =
    p.last_error_category === 'amount_mismatch' ? live : [...live, 'escalated'];
  if (p.status === 'failed' || p.status === 'refunded') {
    // The provider paid a payout whose points were already returned: money moved twice.
    logger.error(
      { event: 'payout_paid_after_refund', payoutId: p.id, provider, eventId: event.id },
      'provider reports a payout fulfilled after its points were returned',
    );
    return { applied: false, note: `drift: fulfilled by ${provider} after the payout ${p.status}` };
  }
  if (!from.includes(p.status))
    return { applied: false, note: `ignored: payout already ${p.status}` };
  const applied = await fulfilPayout(
    tx,
    p.id,
    { orderId: event.data.orderId, code: event.data.code ?? null, provider },
    from,
    `confirmed by ${provider} callback`,
  );
  return { applied, note: 'fulfilled' };
}
