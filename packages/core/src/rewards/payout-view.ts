import type { TPayoutStatus, TPayoutView, TRewardKind } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

export interface PayoutViewRow {
  id: string;
  item_id: string;
  campaign_id: string;
  title: string;
  kind: TRewardKind;
  status: TPayoutStatus;
  points_cost: number;
  amount_cents: number | null;
  currency: string | null;
  reward_code: string | null;
  refund_tx_id: string | null;
  created_at: Date;
  updated_at: Date;
  fulfilled_at: Date | null;
}

export const PAYOUT_VIEW_COLUMNS = `p.id, p.item_id, p.campaign_id, p.title, p.kind, p.status, p.points_cost, p.amount_cents, p.currency,
  p.reward_code, p.refund_tx_id, p.created_at, p.updated_at, p.fulfilled_at`;

/** The player's view: the code is only ever shown once the payout is fulfilled. */
export function toPayoutView(r: PayoutViewRow): TPayoutView {
  return {
    id: r.id,
    itemId: r.item_id,
    campaignId: r.campaign_id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    pointsCost: r.points_cost,
    amountCents: r.amount_cents,
    currency: r.currency,
    code: r.status === 'fulfilled' ? r.reward_code : null,
    pointsReturned: r.refund_tx_id !== null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    fulfilledAt: r.fulfilled_at?.toISOString() ?? null,
  };
}

/** One payout as its owner sees it; null when it does not exist or belongs to someone else. */
export async function getPayoutView(
  db: Queryable,
  payoutId: string,
  userId?: string,
): Promise<TPayoutView | null> {
  const { rows } = await db.query<PayoutViewRow>(
    `select ${PAYOUT_VIEW_COLUMNS} from payouts p where p.id = $1 and ($2::text is null or p.user_id = $2)`,
    [payoutId, userId ?? null],
  );
  return rows[0] ? toPayoutView(rows[0]) : null;
}

export async function listMyPayouts(
  db: Queryable,
  userId: string,
  limit = 100,
): Promise<TPayoutView[]> {
  const { rows } = await db.query<PayoutViewRow>(
    `select ${PAYOUT_VIEW_COLUMNS} from payouts p where p.user_id = $1 order by p.created_at desc limit $2`,
    [userId, limit],
  );
  return rows.map(toPayoutView);
}
