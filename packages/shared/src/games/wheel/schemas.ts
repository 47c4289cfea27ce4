import { z } from 'zod';
import { ZWallet } from '../../ledger/schemas.js';

const ZCampaignId = z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id');
export const ZWheelSpinId = z.string().regex(/^spn_[0-9A-Za-z]{20}$/, 'must be a spin id');
const ZSha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** What a segment pays. `none` is a miss ("Try again"). Points come from the campaign budget. */
export const ZWheelPrize = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('points'), amount: z.number().int().min(1).max(1_000_000) }),
  z.strictObject({ kind: z.literal('spins'), amount: z.number().int().min(1).max(100) }),
  z.strictObject({ kind: z.literal('none'), amount: z.literal(0).default(0) }),
]);
export type TWheelPrize = z.output<typeof ZWheelPrize>;

/**
 * One segment as marketing configures it. `stock: null` is unlimited; a number is how many times
 * the prize may still be awarded in this wheel version.
 */
export const ZWheelSegment = z.strictObject({
  label: z.string().trim().min(1).max(40),
  weight: z.number().int().min(1).max(1_000_000),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour'),
  prize: ZWheelPrize,
  stock: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  isFallback: z.boolean().default(false),
});
export type TWheelSegment = z.output<typeof ZWheelSegment>;

/**
 * A wheel: 2–16 segments and exactly one fallback, the segment awarded instead of a prize that
 * is out of stock or over the campaign's budget. The fallback must always be awardable, so it
 * pays nothing and has no stock limit.
 */
export const ZWheelConfig = z
  .strictObject({ segments: z.array(ZWheelSegment).min(2).max(16) })
  .superRefine(({ segments }, ctx) => {
    const fallbacks = segments.flatMap((s, i) => (s.isFallback ? [i] : []));
    if (fallbacks.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['segments'],
        message: `exactly one segment must be the fallback (found ${fallbacks.length})`,
      });
    for (const i of fallbacks) {
      const s = segments[i];
      if (s && (s.prize.kind !== 'none' || s.stock !== null))
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i],
          message: 'the fallback segment must pay nothing and have unlimited stock',
        });
    }
  });
export type TWheelConfig = z.output<typeof ZWheelConfig>;
export type TWheelConfigInput = z.input<typeof ZWheelConfig>;

/** A client seed: 1–64 visible ASCII characters, so every implementation encodes it the same. */
export const ZClientSeed = z
  .string()
  .regex(/^[\x21-\x7e]{1,64}$/, 'use 1–64 visible ASCII characters, without spaces');

/** The seed pair a player spins with now; the server seed itself stays secret until rotated. */
export const ZWheelSeedState = z.object({
  serverSeedHash: ZSha256Hex,
  clientSeed: ZClientSeed,
  /** The nonce the next spin will use. */
  nextNonce: z.number().int().min(0),
});
export type TWheelSeedState = z.infer<typeof ZWheelSeedState>;

export const ZPublicWheelSegment = z.object({
  label: z.string(),
  weight: z.number().int(),
  colour: z.string(),
  prize: ZWheelPrize,
  /** Prizes left in stock; null when unlimited. */
  stockLeft: z.number().int().nullable(),
  isFallback: z.boolean(),
});
export type TPublicWheelSegment = z.infer<typeof ZPublicWheelSegment>;

/** `GET /api/campaigns/:campaignId/wheel`: the published wheel and the caller's own state. */
export const ZWheelState = z.object({
  campaignId: z.string(),
  version: z.number().int(),
  algorithm: z.string(),
  segments: z.array(ZPublicWheelSegment),
  seed: ZWheelSeedState,
  spinsAvailable: z.number().int(),
  dailySpin: z.object({ available: z.boolean(), nextAt: z.string() }),
});
export type TWheelState = z.infer<typeof ZWheelState>;

export const ZSetClientSeedBody = z.strictObject({ clientSeed: ZClientSeed });

export const ZRevealedSeed = z.object({
  serverSeed: z.string(),
  serverSeedHash: ZSha256Hex,
  clientSeed: z.string(),
  /** How many spins used this seed (nonces 0 … spinCount-1). */
  spinCount: z.number().int(),
});
export const ZRotateSeedResponse = z.object({ revealed: ZRevealedSeed, current: ZWheelSeedState });
export type TRotateSeedResponse = z.infer<typeof ZRotateSeedResponse>;

export const ZDailySpinResponse = z.object({
  spinsAvailable: z.number().int(),
  nextAt: z.string(),
});
export type TDailySpinResponse = z.infer<typeof ZDailySpinResponse>;

/**
 * `wheel:spin`. Strict: a client that sends a prize, a segment or anything else is refused by
 * the schema; the server alone draws. `clientSeed`, when given, becomes the seed's client seed
 * from this spin on.
 */
export const ZWheelSpinPayload = z.strictObject({
  campaignId: ZCampaignId,
  clientSeed: ZClientSeed.optional(),
});

/** Why the awarded segment differs from the drawn one. */
export const ZFallbackReason = z.enum(['out_of_stock', 'over_budget']).nullable();

/**
 * The ack of `wheel:spin`. `drawnIndex` is what the provably fair draw chose (and what the
 * verifier recomputes); `awardedIndex` is what the player actually won and where the wheel
 * stops. They differ only when the drawn prize was out of stock or over budget, then
 * `fallbackReason` says which and `awardedIndex` is the fallback segment.
 */
export const ZWheelSpinResult = z.object({
  spinId: ZWheelSpinId,
  campaignId: z.string(),
  wheelVersion: z.number().int(),
  drawnIndex: z.number().int(),
  awardedIndex: z.number().int(),
  fallbackReason: ZFallbackReason,
  prize: ZWheelPrize,
  serverSeedHash: ZSha256Hex,
  clientSeed: z.string(),
  nonce: z.number().int(),
  wallet: ZWallet,
});
export type TWheelSpinResult = z.infer<typeof ZWheelSpinResult>;

/** One past spin with everything needed to verify it (the server seed once it is revealed). */
export const ZWheelSpinRecord = z.object({
  spinId: ZWheelSpinId,
  campaignId: z.string(),
  createdAt: z.string(),
  wheelVersion: z.number().int(),
  segments: z.array(ZWheelSegment.pick({ label: true, weight: true, colour: true, prize: true })),
  drawnIndex: z.number().int(),
  awardedIndex: z.number().int(),
  fallbackReason: ZFallbackReason,
  prize: ZWheelPrize,
  serverSeedHash: ZSha256Hex,
  /** Null until the player rotates the seed: revealing it earlier would reveal future spins. */
  serverSeed: z.string().nullable(),
  clientSeed: z.string(),
  nonce: z.number().int(),
});
export type TWheelSpinRecord = z.infer<typeof ZWheelSpinRecord>;
export const ZWheelSpinList = z.object({ spins: z.array(ZWheelSpinRecord) });

export const ZWheelCampaignParam = z.object({ campaignId: ZCampaignId });
export const ZWheelSpinParam = z.object({ spinId: ZWheelSpinId });
/** `PUT …/wheel` answers with the new version. */
export const ZWheelPublished = z.object({ campaignId: z.string(), version: z.number().int() });
