import type { TPayoutStatus } from '@playloop/shared';
import type { PoolClient } from '../db/pool.js';
import { houseAccount, playerAccount } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/post-transaction.js';
import { resolvePayoutExceptions } from './exceptions.js';
import { recordPayoutStatus } from './status-history.js';
import { emitWebhookEvent } from './webhooks/outbox.js';

// Every function here runs inside the caller's transaction and moves a payout only if it is still
// in one of `from` (row-locked), so a worker, a provider callback and a support agent racing on
// the same payout cannot both settle it.

/** Marks the payout fulfilled with the provider's order, resolves its exceptions, queues `payout.fulfilled`. */
export async function fulfilPayout(
  tx: PoolClient,
  payoutId: string,
  order: { orderId: string; code: string | null; provider: string },
  from: TPayoutStatus[],
  reason: string,
  actor: string | null = null,
): Promise<boolean> {
  const { rows } = await tx.query<{
    previous: TPayoutStatus;
    user_id: string;
    campaign_id: string;
    item_id: string;
    kind: string;
    title: string;
    points_cost: number;
    amount_cents: number | null;
    currency: string | null;
    email: string;
  }>(
    `with prev as (select status from payouts where id = $1 for update)
     update payouts p set status = 'fulfilled', fulfilled_at = now(), settled_at = now(), updated_at = now(),
       provider_reference = $3, reward_code = coalesce($4, p.reward_code), provider = $5, next_attempt_at = null
     from prev where p.id = $1 and prev.status = any($2::text[])
     returning prev.status as previous, p.user_id, p.campaign_id, p.item_id, p.kind, p.title, p.points_cost, p.amount_cents, p.currency,
       (select email from users u where u.id = p.user_id) as email`,
    [payoutId, from, order.orderId, order.code, order.provider],
  );
  const row = rows[0];
  if (!row) return false;
  await recordPayoutStatus(tx, payoutId, row.previous, 'fulfilled', reason, actor);
  await resolvePayoutExceptions(tx, payoutId, 'fulfilled');
  await emitWebhookEvent(tx, {
    type: 'payout.fulfilled',
    key: `payout.fulfilled:${payoutId}`,
    data: {
      payoutId,
      userId: row.user_id,
      email: row.email,
      campaignId: row.campaign_id,
      itemId: row.item_id,
      kind: row.kind,
      title: row.title,
      pointsCost: row.points_cost,
      amountCents: row.amount_cents,
      currency: row.currency,
      provider: order.provider,
      providerReference: order.orderId,
    },
  });
  return true;
}

/**
 * Ends the payout with the points back: a refund through the ledger (idempotent per payout), the
 * item back in stock, exceptions resolved. `failed` is the automatic end, `refunded` a person's.
 */
export async function returnPoints(
  tx: PoolClient,
  payoutId: string,
  from: TPayoutStatus[],
  final: 'failed' | 'refunded',
  reason: string,
  actor: string | null = null,
): Promise<boolean> {
  const { rows } = await tx.query<{
    status: TPayoutStatus;
    user_id: string;
    campaign_id: string;
    item_id: string;
    title: string;
    points_cost: number;
  }>(
    'select status, user_id, campaign_id, item_id, title, points_cost from payouts where id = $1 for update',
    [payoutId],
  );
  const p = rows[0];
  if (!p || !from.includes(p.status)) return false;
  const refund = await postTransaction(tx, {
    idempotencyKey: `payout-refund:${payoutId}`,
    kind: 'refund',
    campaignId: p.campaign_id,
    memo: { payoutId, description: `Points back: ${p.title}` },
    legs: [
      { accountId: await houseAccount(tx, 'points'), amount: -p.points_cost },
      {
        accountId: await playerAccount(tx, p.user_id, 'points', 'available'),
        amount: p.points_cost,
      },
    ],
  });
  await tx.query(
    `update payouts set status = $2, refund_tx_id = $3, settled_at = now(), updated_at = now(), next_attempt_at = null where id = $1`,
    [payoutId, final, refund.transactionId],
  );
  await tx.query(
    'update reward_items set stock = stock + 1, updated_at = now() where id = $1 and stock is not null',
    [p.item_id],
  );
  await recordPayoutStatus(tx, payoutId, p.status, final, reason, actor);
  await resolvePayoutExceptions(tx, payoutId, final);
  return true;
}

/** Stage 2: the payout waits in the support queue, its exceptions still open. */
export async function escalatePayout(
  tx: PoolClient,
  payoutId: string,
  from: TPayoutStatus[],
  reason: string,
  actor: string | null = null,
): Promise<boolean> {
  const { rows } = await tx.query<{ previous: TPayoutStatus }>(
    `with prev as (select status from payouts where id = $1 for update)
     update payouts p set status = 'escalated', escalated_at = now(), ever_escalated = true, escalation_reason = $3,
       updated_at = now(), next_attempt_at = null
     from prev where p.id = $1 and prev.status = any($2::text[]) returning prev.status as previous`,
    [payoutId, from, reason.slice(0, 500)],
  );
  if (!rows[0]) return false;
  await recordPayoutStatus(tx, payoutId, rows[0].previous, 'escalated', reason, actor);
  return true;
}
