import type { TRewardItem, TRewardItemAdmin, TRewardKind } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

interface ItemRow {
  id: string;
  campaign_id: string;
  kind: TRewardKind;
  title: string;
  description: string;
  cost_points: number;
  amount_cents: number | null;
  currency: string | null;
  stock: number | null;
  per_player_limit: number | null;
}

const ITEM_COLUMNS = `i.id, i.campaign_id, i.kind, i.title, i.description, i.cost_points, i.amount_cents, i.currency, i.stock, i.per_player_limit`;

/**
 * A campaign's shop for one player: active items, in price order, with how many more times the
 * player may redeem each (payouts that ended with points back do not count against the limit).
 */
export async function listRewardCatalogue(
  db: Queryable,
  campaignId: string,
  userId: string,
): Promise<TRewardItem[]> {
  const { rows } = await db.query<ItemRow & { mine: string }>(
    `select ${ITEM_COLUMNS},
            (select count(*) from payouts p where p.item_id = i.id and p.user_id = $2 and p.status not in ('failed', 'refunded')) as mine
     from reward_items i where i.campaign_id = $1 and i.active
     order by i.cost_points, i.title limit 200`,
    [campaignId, userId],
  );
  return rows.map((r) => ({
    ...toItem(r),
    remainingForMe:
      r.per_player_limit === null ? null : Math.max(0, r.per_player_limit - Number(r.mine)),
  }));
}

function toItem(r: ItemRow): Omit<TRewardItem, 'remainingForMe'> {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    costPoints: r.cost_points,
    amountCents: r.amount_cents,
    currency: r.currency,
    stock: r.stock,
    perPlayerLimit: r.per_player_limit,
  };
}

/** Catalogue entries with their code banks and redemption counts, for marketing. */
export async function listRewardItemsAdmin(
  db: Queryable,
  opts: { campaignId?: string; itemId?: string } = {},
): Promise<TRewardItemAdmin[]> {
  const { rows } = await db.query<
    ItemRow & {
      active: boolean;
      provider: string | null;
      sku: string | null;
      created_at: Date;
      codes_total: string;
      codes_left: string;
      redeemed: string;
    }
  >(
    `select ${ITEM_COLUMNS}, i.active, i.provider, i.sku, i.created_at,
            (select count(*) from reward_coupon_codes c where c.item_id = i.id) as codes_total,
            (select count(*) from reward_coupon_codes c where c.item_id = i.id and c.payout_id is null) as codes_left,
            (select count(*) from payouts p where p.item_id = i.id and p.status not in ('failed', 'refunded')) as redeemed
     from reward_items i
     where ($1::text is null or i.campaign_id = $1) and ($2::text is null or i.id = $2)
     order by i.campaign_id, i.cost_points, i.title limit 500`,
    [opts.campaignId ?? null, opts.itemId ?? null],
  );
  return rows.map((r) => ({
    ...toItem(r),
    active: r.active,
    provider: r.provider,
    sku: r.sku,
    codesTotal: Number(r.codes_total),
    codesLeft: Number(r.codes_left),
    redeemed: Number(r.redeemed),
    createdAt: r.created_at.toISOString(),
  }));
}
