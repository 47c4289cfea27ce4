import { z } from 'zod';
import { ZReferralCode } from '../auth/schemas.js';

export const ZReferralStatus = z.enum([
  'pending',
  'qualified',
  'rewarded',
  'flagged',
  'approved',
  'rejected',
]);
export type TReferralStatus = z.infer<typeof ZReferralStatus>;
export const ZQualifyingAction = z.enum(['signup', 'email_verified', 'first_game', 'custom']);
export type TQualifyingAction = z.infer<typeof ZQualifyingAction>;

/** GET /api/invites/:code — what the invite landing shows. */
export const ZInvite = z.object({
  code: z.string(),
  referrerName: z.string(),
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    imageUrl: z.string().nullable(),
  }),
  rewards: z.object({ referrerPoints: z.number().int(), refereePoints: z.number().int() }),
  /** The landing copy: the campaign's, or the A/B variant this visitor was assigned. */
  landing: z.object({ title: z.string(), text: z.string(), variant: z.string().nullable() }),
});
export type TInvite = z.infer<typeof ZInvite>;
export const ZInviteCodeParam = z.object({ code: ZReferralCode });

/** GET /api/referrals/link?campaignId= — the signed-in player's invite link for a campaign. */
export const ZMyLinkQuery = z.object({
  campaignId: z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id'),
});
export const ZMyLink = z.object({
  code: z.string(),
  url: z.string(),
  shareText: z.string(),
  campaignId: z.string(),
});
export type TMyLink = z.infer<typeof ZMyLink>;

export const ZReferralItem = z.object({
  id: z.string(),
  campaignId: z.string(),
  refereeName: z.string(),
  status: ZReferralStatus,
  attributedAt: z.string(),
  qualifiedAt: z.string().nullable(),
  rewardedAt: z.string().nullable(),
});
export type TReferralItem = z.infer<typeof ZReferralItem>;
export const ZReferralList = z.object({ referrals: z.array(ZReferralItem) });

/** POST /api/referrals/attribute — a signed-in player (e.g. via Supabase) names who invited them. */
export const ZAttributeBody = z.strictObject({ code: ZReferralCode });

/** POST /api/referrals/events — server-to-server custom qualification event (API key header). */
export const ZCustomEventBody = z.strictObject({
  campaignId: z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id'),
  userId: z.string().regex(/^usr_[0-9A-Za-z]{20}$/, 'must be a user id'),
  event: z.string().min(1).max(64),
});
export const ZAccepted = z.object({ accepted: z.literal(true) });

export const ZFraudEvidence = z.object({
  rule: z.string(),
  score: z.number().int(),
  detail: z.string(),
});
export type TFraudEvidence = z.infer<typeof ZFraudEvidence>;

export const ZFlaggedReferral = ZReferralItem.extend({
  referrerId: z.string(),
  referrerName: z.string(),
  refereeId: z.string(),
  refereeEmail: z.string(),
  fraudScore: z.number().int(),
  evidence: z.array(ZFraudEvidence),
  linkedAccounts: z.array(
    z.object({ userId: z.string(), email: z.string(), displayName: z.string(), via: z.string() }),
  ),
});
export type TFlaggedReferral = z.infer<typeof ZFlaggedReferral>;
export const ZFlaggedList = z.object({ referrals: z.array(ZFlaggedReferral) });

export const ZReviewBody = z.strictObject({
  referralIds: z
    .array(z.string().regex(/^ref_[0-9A-Za-z]{20}$/, 'must be a referral id'))
    .min(1)
    .max(200),
  decision: z.enum(['approve', 'reject']),
  note: z.string().max(500).optional(),
});
export const ZReviewResult = z.object({
  updated: z.array(z.string()),
  skipped: z.array(z.string()),
});

export const ZLeaderboardEntry = z.object({
  rank: z.number().int(),
  displayName: z.string(),
  score: z.number().int(),
  isMe: z.boolean(),
});
export const ZLeaderboard = z.object({
  campaignId: z.string(),
  top: z.array(ZLeaderboardEntry),
  me: z.object({ rank: z.number().int(), score: z.number().int() }).nullable(),
});
export type TLeaderboard = z.infer<typeof ZLeaderboard>;
