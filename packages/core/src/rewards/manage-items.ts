import {
  newId,
  type TRewardItemAdmin,
  type TRewardItemInput,
  type TRewardItemUpdate,
} from '@playloop/shared';
import type { Pool } from '../db/pool.js';
import { AppError } from '../errors/app-error.js';
import { listRewardItemsAdmin } from './catalogue.js';

/** Adds a reward to a campaign. Coupons start with stock 0: importing codes fills it. */
export async function createRewardItem(
  pool: Pool,
  input: TRewardItemInput,
): Promise<TRewardItemAdmin> {
  const campaign = await pool.query('select 1 from campaigns where id = $1', [input.campaignId]);
  if (!campaign.rowCount) throw new AppError('NOT_FOUND', { message: 'No such campaign.' });
  const id = newId('rwd');
  await pool.query(
    `insert into reward_items (id, campaign_id, kind, title, description, cost_points, amount_cents, currency, provider, sku, stock, per_player_limit, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      input.campaignId,
      input.kind,
      input.title,
      input.description,
      input.costPoints,
      input.kind === 'coupon' ? null : input.amountCents,
      input.kind === 'coupon' ? null : input.currency,
      input.provider,
      input.sku,
      input.kind === 'coupon' ? 0 : input.stock,
      input.perPlayerLimit,
      input.active,
    ],
  );
  return (await listRewardItemsAdmin(pool, { itemId: id }))[0] as TRewardItemAdmin;
}

/** Changes what may change after launch. A coupon's stock follows its code bank and cannot be set. */
export async function updateRewardItem(
  pool: Pool,
  itemId: string,
  patch: TRewardItemUpdate,
): Promise<TRewardItemAdmin> {
  const { rows } = await pool.query<{ kind: string }>(
    'select kind from reward_items where id = $1',
    [itemId],
  );
  const item = rows[0];
  if (!item) throw new AppError('NOT_FOUND', { message: 'No such reward.' });
  if (item.kind === 'coupon' && patch.stock !== undefined) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          path: 'stock',
          message: 'coupon stock is the number of unassigned codes: import codes instead',
        },
      ],
    });
  }
  await pool.query(
    `update reward_items set
       title = coalesce($2, title), description = coalesce($3, description), cost_points = coalesce($4, cost_points),
       stock = case when $5 then $6 else stock end, per_player_limit = case when $7 then $8 else per_player_limit end,
       active = coalesce($9, active), updated_at = now()
     where id = $1`,
    [
      itemId,
      patch.title ?? null,
      patch.description ?? null,
      patch.costPoints ?? null,
      patch.stock !== undefined,
      patch.stock ?? null,
      patch.perPlayerLimit !== undefined,
      patch.perPlayerLimit ?? null,
      patch.active ?? null,
    ],
  );
  return (await listRewardItemsAdmin(pool, { itemId }))[0] as TRewardItemAdmin;
}
