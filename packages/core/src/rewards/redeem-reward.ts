import { newId, type TPayoutView, type TRewardKind } from '@playloop/shared';
import { withTransaction, type Pool, type PoolClient } from '../db/pool.js';
import { AppError } from '../errors/app-error.js';
import { houseAccount, playerAccount } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/post-transaction.js';
import { emitWebhookEvent } from '../payouts/webhooks/outbox.js';
import { PAYOUT_VIEW_COLUMNS, toPayoutView, type PayoutViewRow } from './payout-view.js';
import { playerProfile } from './segment.js';

export interface RedeemInput {
  userId: string;
  itemId: string;
  /** The client's Idempotency-Key: the same key never spends twice. */
  requestKey: string;
  device: string;
  /** Providers this deployment can pay through; a reward on any other is unavailable. */
  configuredProviders: ReadonlySet<string>;
}

export interface RedeemOutcome {
  payout: TPayoutView;
  replayed: boolean;
  /** A provider payout waits to be sent (coupons are fulfilled on the spot). */
  needsPayout: boolean;
}

interface ItemRow {
  id: string;
  campaign_id: string;
  kind: TRewardKind;
  title: string;
  cost_points: number;
  amount_cents: number | null;
  currency: string | null;
  provider: string | null;
  sku: string | null;
  stock: number | null;
  per_player_limit: number | null;
  active: boolean;
  campaign_running: boolean;
}

/**
 * Spends a player's available points on a reward, all in one transaction: the stock is taken
 * under the item's row lock (so the last items cannot be sold twice), the points move to the house
 * through the ledger, a coupon code is assigned or a provider payout is created with its
 * idempotency key, and the `reward.granted` webhook is queued. Any refusal rolls all of it back.
 * Redemptions of one player are serialised, which makes the per-player limit and the
 * Idempotency-Key check exact.
 */
export async function redeemReward(pool: Pool, input: RedeemInput): Promise<RedeemOutcome> {
  return withTransaction(pool, async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`redeem:${input.userId}`]);
    const previous = await findByRequestKey(tx, input.userId, input.requestKey);
    if (previous) {
      if (previous.item_id !== input.itemId) {
        throw new AppError('CONFLICT', {
          message: 'This Idempotency-Key was already used for another reward.',
        });
      }
      return { payout: toPayoutView(previous), replayed: true, needsPayout: false };
    }
    const item = await loadItem(tx, input.itemId);
    if (!item) throw new AppError('NOT_FOUND', { message: 'No such reward.' });
    if (!item.campaign_running) throw new AppError('CAMPAIGN_NOT_ACTIVE');
    if (!item.active) throw new AppError('REWARD_UNAVAILABLE');
    if (item.provider && !input.configuredProviders.has(item.provider)) {
      throw new AppError('REWARD_UNAVAILABLE', {
        internal: `provider ${item.provider} is not configured`,
      });
    }
    if (item.per_player_limit !== null) {
      const { rows } = await tx.query<{ n: string }>(
        `select count(*) as n from payouts where item_id = $1 and user_id = $2 and status not in ('failed', 'refunded')`,
        [item.id, input.userId],
      );
      if (Number(rows[0]?.n ?? 0) >= item.per_player_limit)
        throw new AppError('REWARD_LIMIT_REACHED');
    }
    if (item.stock !== null) {
      const taken = await tx.query(
        'update reward_items set stock = stock - 1, updated_at = now() where id = $1 and stock > 0',
        [item.id],
      );
      if (!taken.rowCount) throw new AppError('OUT_OF_STOCK');
    }

    const payoutId = newId('pay');
    const coupon = item.kind === 'coupon' ? await takeCouponCode(tx, item.id) : null;
    if (item.kind === 'coupon' && !coupon)
      throw new AppError('OUT_OF_STOCK', {
        internal: `coupon bank of ${item.id} is empty while stock said otherwise`,
      });
    const profile = await playerProfile(tx, input.userId);
    const data = {
      payoutId,
      userId: input.userId,
      email: profile.email,
      campaignId: item.campaign_id,
      itemId: item.id,
      kind: item.kind,
      title: item.title,
      pointsCost: item.cost_points,
      amountCents: item.amount_cents,
      currency: item.currency,
    };
    await emitWebhookEvent(tx, { type: 'reward.granted', key: `reward.granted:${payoutId}`, data });
    if (coupon)
      await emitWebhookEvent(tx, {
        type: 'payout.fulfilled',
        key: `payout.fulfilled:${payoutId}`,
        data: { ...data, provider: null },
      });
    const legs = [
      {
        accountId: await playerAccount(tx, input.userId, 'points', 'available'),
        amount: -item.cost_points,
      },
      { accountId: await houseAccount(tx, 'points'), amount: item.cost_points },
    ];

    // The debit comes last but for two inserts: it updates the house account row, which every
    // redemption shares, and that row stays locked until commit.
    const debit = await postTransaction(tx, {
      idempotencyKey: `redemption:${payoutId}`,
      kind: 'redemption',
      campaignId: item.campaign_id,
      memo: { payoutId, itemId: item.id, description: `Redeemed: ${item.title}` },
      legs,
    });
    const { rows } = await tx.query<PayoutViewRow>(
      `insert into payouts as p (id, user_id, campaign_id, item_id, kind, title, points_cost, amount_cents, currency, sku, status,
         provider, primary_provider, idempotency_key, request_key, redemption_tx_id, reward_code, fulfilled_at, settled_at, player_segment, device)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16,
         case when $11 = 'fulfilled' then now() end, case when $11 = 'fulfilled' then now() end, $17, $18)
       returning ${PAYOUT_VIEW_COLUMNS}`,
      [
        payoutId,
        input.userId,
        item.campaign_id,
        item.id,
        item.kind,
        item.title,
        item.cost_points,
        item.amount_cents,
        item.currency,
        item.sku ?? item.kind,
        coupon ? 'fulfilled' : 'requested',
        item.provider,
        `po_${payoutId}`,
        input.requestKey,
        debit.transactionId,
        coupon?.code ?? null,
        profile.segment,
        input.device,
      ],
    );
    const row = rows[0] as PayoutViewRow;
    await tx.query(
      `insert into payout_status_changes (payout_id, from_status, to_status, reason, actor)
       select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
      coupon
        ? [
            payoutId,
            [null, 'requested'],
            ['requested', 'fulfilled'],
            ['redeemed', 'coupon code assigned'],
            [input.userId, null],
          ]
        : [payoutId, [null], ['requested'], ['redeemed'], [input.userId]],
    );
    if (coupon)
      await tx.query(
        'update reward_coupon_codes set payout_id = $2, assigned_at = now() where id = $1',
        [coupon.id, payoutId],
      );
    return { payout: toPayoutView(row), replayed: false, needsPayout: !coupon };
  });
}

async function findByRequestKey(
  tx: PoolClient,
  userId: string,
  requestKey: string,
): Promise<PayoutViewRow | undefined> {
  const { rows } = await tx.query<PayoutViewRow>(
    `select ${PAYOUT_VIEW_COLUMNS} from payouts p where p.user_id = $1 and p.request_key = $2`,
    [userId, requestKey],
  );
  return rows[0];
}

async function loadItem(tx: PoolClient, itemId: string): Promise<ItemRow | undefined> {
  const { rows } = await tx.query<ItemRow>(
    `select i.id, i.campaign_id, i.kind, i.title, i.cost_points, i.amount_cents, i.currency, i.provider, i.sku, i.stock,
            i.per_player_limit, i.active,
            (c.status = 'active' and c.starts_at <= now() and (c.ends_at is null or c.ends_at > now())) as campaign_running
     from reward_items i join campaigns c on c.id = i.campaign_id where i.id = $1`,
    [itemId],
  );
  return rows[0];
}

/** The oldest free code; SKIP LOCKED lets concurrent redemptions of one coupon take different codes. */
async function takeCouponCode(
  tx: PoolClient,
  itemId: string,
): Promise<{ id: string; code: string } | undefined> {
  const { rows } = await tx.query<{ id: string; code: string }>(
    `select id, code from reward_coupon_codes where item_id = $1 and payout_id is null order by id limit 1 for update skip locked`,
    [itemId],
  );
  return rows[0];
}
