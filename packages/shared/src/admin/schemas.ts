import { z } from 'zod';
import { ZRole } from '../auth/schemas.js';
import { ZCampaignStatus } from '../campaigns/schemas.js';
import { ZQualifyingAction } from '../referrals/schemas.js';

const count = (max: number) =>
  z
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max}`);
const optionalCap = z
  .number()
  .int('must be a whole number')
  .positive('must be positive')
  .nullable();

export const ZVariantInput = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(40),
  weight: z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100'),
  landingTitle: z.string().max(120).default(''),
  landingText: z.string().max(2000).default(''),
});

/** What marketing sends to create or replace a campaign. Field errors name the field. */
export const ZCampaignInput = z
  .strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use 2–63 lowercase letters, digits and dashes'),
    title: z.string().trim().min(1, 'must not be empty').max(120),
    description: z.string().max(2000).default(''),
    startsAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
    endsAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }).nullable(),
    qualifyingAction: ZQualifyingAction,
    referrerRewardPoints: count(1_000_000),
    refereeRewardPoints: count(1_000_000),
    referrerRewardSpins: count(100),
    referrerDailyCap: optionalCap,
    referrerLifetimeCap: optionalCap,
    holdSeconds: count(7_776_000),
    attributionWindowDays: z
      .number()
      .int()
      .min(1, 'must be at least 1 day')
      .max(365, 'must be at most 365 days'),
    fraudThreshold: z.number().int().min(1).max(1000),
    budgetPoints: count(1_000_000_000),
    dailyBudgetPoints: optionalCap,
    landingTitle: z.string().max(120).default(''),
    landingText: z.string().max(2000).default(''),
    imageUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).nullable(),
    shareText: z.string().max(280).default(''),
    variants: z.array(ZVariantInput).max(4, 'at most 4 variants').default([]),
  })
  .superRefine((c, ctx) => {
    if (c.endsAt && Date.parse(c.endsAt) <= Date.parse(c.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start date' });
    }
    if (
      c.referrerDailyCap !== null &&
      c.referrerLifetimeCap !== null &&
      c.referrerDailyCap > c.referrerLifetimeCap
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['referrerDailyCap'],
        message: 'must not exceed the lifetime cap',
      });
    }
    if (c.variants.length > 0 && c.variants.reduce((s, v) => s + v.weight, 0) !== 100) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: 'weights must add up to 100' });
    }
    if (new Set(c.variants.map((v) => v.name)).size !== c.variants.length) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: 'variant names must differ' });
    }
  });
export type TCampaignInput = z.infer<typeof ZCampaignInput>;

export const ZCampaignAdmin = z.object({
  id: z.string(),
  status: ZCampaignStatus,
  ownerId: z.string().nullable(),
  budgetRemaining: z.number().int(),
  createdAt: z.string(),
  config: z.object({}).catchall(z.unknown()),
});
export type TCampaignAdmin = z.infer<typeof ZCampaignAdmin>;
export const ZCampaignAdminList = z.object({ campaigns: z.array(ZCampaignAdmin) });

export const ZStatusChange = z.strictObject({
  status: z.enum(['active', 'paused', 'ended', 'scheduled']),
});

export const ZRoleChange = z.strictObject({ email: z.email().toLowerCase(), role: ZRole });
export const ZAdminUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
  createdAt: z.string(),
});
export const ZAdminUserList = z.object({ users: z.array(ZAdminUser) });

export const ZAuditEntry = z.object({
  id: z.number(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(['ok', 'refused']),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.string(),
});
export const ZAuditList = z.object({ entries: z.array(ZAuditEntry) });

export const ZFunnel = z.object({
  campaignId: z.string(),
  from: z.string(),
  to: z.string(),
  linkClicks: z.number().int(),
  landingViews: z.number().int(),
  signups: z.number().int(),
  qualified: z.number().int(),
  rewarded: z.number().int(),
  /** Invites sent per player × conversion: referred sign-ups per referring player. */
  kFactor: z.number(),
  /** Median hours from a referrer's own sign-up to their first referred sign-up. */
  viralCycleHours: z.number().nullable(),
  pointsIssued: z.number().int(),
  budgetRemaining: z.number().int(),
  topReferrers: z.array(z.object({ displayName: z.string(), rewarded: z.number().int() })),
  variants: z.array(
    z.object({ name: z.string(), exposures: z.number().int(), conversions: z.number().int() }),
  ),
  abVerdict: z.string().nullable(),
});
export type TFunnel = z.infer<typeof ZFunnel>;
export const ZFunnelQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
