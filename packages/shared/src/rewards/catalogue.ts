import { z } from 'zod';
import { ZWallet } from '../ledger/schemas.js';

const zCampaignId = z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id');
export const zRewardItemId = z.string().regex(/^rwd_[0-9A-Za-z]{20}$/, 'must be a reward id');
export const zPayoutId = z.string().regex(/^pay_[0-9A-Za-z]{20}$/, 'must be a payout id');
/** A provider's configured name (`sandbox`, `tango-eu`); also the breaker's key. */
export const zProviderName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'must be a provider name (a-z, 0-9, -)');

/** `coupon`: a code from an imported bank; `gift_card` and `cashback`: fulfilled by a payout provider. */
export const ZRewardKind = z.enum(['coupon', 'gift_card', 'cashback']);
export type TRewardKind = z.infer<typeof ZRewardKind>;

/**
 * requested → processing → fulfilled | failed | escalated; escalated → processing (support retry)
 * | refunded (support refund) | fulfilled (late provider confirmation). `failed` and `refunded`
 * both mean the points went back to the player.
 */
export const ZPayoutStatus = z.enum([
  'requested',
  'processing',
  'fulfilled',
  'failed',
  'escalated',
  'refunded',
]);
export type TPayoutStatus = z.infer<typeof ZPayoutStatus>;
export const TERMINAL_PAYOUT_STATUSES: readonly TPayoutStatus[] = [
  'fulfilled',
  'failed',
  'refunded',
];

/** One entry of a campaign's rewards shop, as a player sees it. */
export const ZRewardItem = z.object({
  id: z.string(),
  campaignId: z.string(),
  kind: ZRewardKind,
  title: z.string(),
  description: z.string(),
  costPoints: z.number().int(),
  /** Face value in minor units (cents) for gift cards and cashback; null for coupons. */
  amountCents: z.number().int().nullable(),
  currency: z.string().nullable(),
  /** Items left; null means unlimited. */
  stock: z.number().int().nullable(),
  perPlayerLimit: z.number().int().nullable(),
  /** How many more times the signed-in player may redeem it; null means no limit. */
  remainingForMe: z.number().int().nullable(),
});
export type TRewardItem = z.infer<typeof ZRewardItem>;

/** GET /api/rewards?campaignId= */
export const ZCatalogueQuery = z.object({ campaignId: zCampaignId });
export const ZRewardCatalogue = z.object({ campaignId: z.string(), items: z.array(ZRewardItem) });
export type TRewardCatalogue = z.infer<typeof ZRewardCatalogue>;

export const ZRewardItemParam = z.object({ itemId: zRewardItemId });
export const ZPayoutParam = z.object({ payoutId: zPayoutId });

/** The `Idempotency-Key` header a redemption must carry: the same key never spends twice. */
export const ZIdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _');

/** A redemption and its payout as the player sees it; `code` appears only once fulfilled. */
export const ZPayoutView = z.object({
  id: z.string(),
  itemId: z.string(),
  campaignId: z.string(),
  title: z.string(),
  kind: ZRewardKind,
  status: ZPayoutStatus,
  pointsCost: z.number().int(),
  amountCents: z.number().int().nullable(),
  currency: z.string().nullable(),
  code: z.string().nullable(),
  /** True once the points went back (status failed or refunded). */
  pointsReturned: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  fulfilledAt: z.string().nullable(),
});
export type TPayoutView = z.infer<typeof ZPayoutView>;

/** POST /api/rewards/:itemId/redeem: 201 on a new redemption, 200 when the key was seen before. */
export const ZRedemptionResult = z.object({
  payout: ZPayoutView,
  wallet: ZWallet,
  replayed: z.boolean(),
});
export type TRedemptionResult = z.infer<typeof ZRedemptionResult>;

/** GET /api/rewards/mine */
export const ZMyRewards = z.object({ payouts: z.array(ZPayoutView) });
export type TMyRewards = z.infer<typeof ZMyRewards>;
