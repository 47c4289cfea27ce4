import { z } from 'zod';
import { ZRewardItem, ZRewardKind, zProviderName } from './catalogue.js';

const zCampaignId = z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id');

const itemFields = {
  title: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  description: z.string().trim().max(500, 'must be at most 500 characters'),
  costPoints: z.number().int().min(1, 'must be at least 1').max(10_000_000),
  /** Null: unlimited. Coupon items ignore it: their stock is the number of unassigned codes. */
  stock: z.number().int().min(0).max(10_000_000).nullable(),
  perPlayerLimit: z.number().int().min(1).max(1000).nullable(),
  active: z.boolean(),
};

/** POST /api/admin/rewards: a new catalogue entry. Provider rewards name their provider and face value. */
export const ZRewardItemInput = z
  .strictObject({
    campaignId: zCampaignId,
    kind: ZRewardKind,
    ...itemFields,
    description: itemFields.description.default(''),
    stock: itemFields.stock.default(null),
    perPlayerLimit: itemFields.perPlayerLimit.default(null),
    active: itemFields.active.default(true),
    amountCents: z.number().int().min(1).max(10_000_000).nullable().default(null),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like EUR')
      .nullable()
      .default(null),
    provider: zProviderName.nullable().default(null),
    /** The provider's product (`amazon-it-eur`); defaults to the reward kind. */
    sku: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a product code')
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    const needsProvider = v.kind !== 'coupon';
    if (needsProvider && v.provider === null)
      ctx.addIssue({
        code: 'custom',
        path: ['provider'],
        message: 'is required for provider rewards',
      });
    if (needsProvider && v.amountCents === null)
      ctx.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: 'is required for provider rewards',
      });
    if (needsProvider && v.currency === null)
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: 'is required for provider rewards',
      });
    if (!needsProvider && v.provider !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['provider'],
        message: 'coupons come from their code bank, not a provider',
      });
  });
export type TRewardItemInput = z.infer<typeof ZRewardItemInput>;

/** PUT /api/admin/rewards/:itemId: what may change once players may have redeemed it. */
export const ZRewardItemUpdate = z.strictObject(itemFields).partial();
export type TRewardItemUpdate = z.infer<typeof ZRewardItemUpdate>;

export const ZRewardItemAdmin = ZRewardItem.omit({ remainingForMe: true }).extend({
  active: z.boolean(),
  provider: z.string().nullable(),
  sku: z.string().nullable(),
  codesTotal: z.number().int(),
  codesLeft: z.number().int(),
  redeemed: z.number().int(),
  createdAt: z.string(),
});
export type TRewardItemAdmin = z.infer<typeof ZRewardItemAdmin>;
export const ZRewardItemAdminList = z.object({ items: z.array(ZRewardItemAdmin) });
export const ZAdminCatalogueQuery = z.object({ campaignId: zCampaignId.optional() });

/**
 * POST /api/admin/rewards/:itemId/codes: a CSV with one code per line (first column; a header
 * line `code` is skipped). Up to 2 MB per upload; split larger banks.
 */
export const ZCouponImportBody = z.strictObject({
  csv: z.string().min(1, 'must not be empty').max(2_000_000, 'must be at most 2 MB'),
});
export const ZCouponImportResult = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  stock: z.number().int(),
});
export type TCouponImportResult = z.infer<typeof ZCouponImportResult>;
