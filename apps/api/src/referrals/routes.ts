// GET /api/invites/:code · GET /api/referrals/link · GET /api/referrals · POST /api/referrals/attribute
// POST /api/referrals/events · GET /api/leaderboards/:campaignId
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import {
  AppError,
  assignVariant,
  attributeReferral,
  recordExposure,
  getOrCreateInviteCode,
  listMyReferrals,
  loadCampaignRules,
  type AccountsService,
  type ClickCounter,
  type InviteDirectory,
  type JobQueues,
  type Leaderboard,
  type Pool,
} from '@playloop/core';
import {
  routes,
  ZAttributeBody,
  ZCustomEventBody,
  ZInviteCodeParam,
  ZMyLinkQuery,
} from '@playloop/shared';
import { z } from 'zod';
import { principalOf, requireAuth } from '../auth/require-auth.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import { VISITOR_COOKIE } from './invite-link.js';

export interface ReferralRouteDeps {
  pool: Pool;
  accounts: AccountsService;
  invites: InviteDirectory;
  clicks: ClickCounter;
  leaderboard: Leaderboard;
  jobs: Pick<JobQueues, 'enqueueQualification'>;
  appUrl: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();
const ZCampaignParam = z.object({
  campaignId: z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id'),
});

export function referralRoutes(deps: ReferralRouteDeps): Router {
  const router = Router();
  const auth = requireAuth(deps.accounts);

  mount(router, routes.invite, async (req) => {
    const { code } = parseInput(ZInviteCodeParam, req.params);
    const invite = await deps.invites.resolve(code);
    if (!invite) throw new AppError('INVITE_NOT_FOUND');
    if (!invite.running) throw new AppError('CAMPAIGN_NOT_ACTIVE');
    await deps.clicks
      .recordLandingView(code)
      .catch((err: unknown) => req.log?.warn({ err }, 'landing view not counted'));
    const visitorId = (req.cookies as Record<string, string | undefined> | undefined)?.[
      VISITOR_COOKIE
    ];
    const variant = visitorId ? assignVariant(invite, visitorId) : null;
    if (variant && visitorId)
      await recordExposure(deps.pool, invite.campaign.id, variant.id, visitorId);
    return {
      code: invite.code,
      referrerName: invite.referrerName,
      campaign: invite.campaign,
      rewards: invite.rewards,
      landing: {
        title: variant?.landingTitle || invite.landingTitle || invite.campaign.title,
        text: variant?.landingText || invite.landingText || invite.campaign.description,
        variant: variant?.name ?? null,
      },
    };
  });

  mount(router, routes.myLink, auth, async (req, res) => {
    const { campaignId } = parseInput(ZMyLinkQuery, req.query);
    const rules = await loadCampaignRules(deps.pool, campaignId);
    if (!rules) throw new AppError('NOT_FOUND');
    const code = await getOrCreateInviteCode(deps.pool, principalOf(res).userId, campaignId);
    await deps.invites.warm(code);
    return {
      code,
      url: `${deps.appUrl}/r/${code}`,
      shareText: rules.shareText || rules.title,
      campaignId,
    };
  });

  mount(router, routes.myReferrals, auth, async (_req, res) => ({
    referrals: await listMyReferrals(deps.pool, principalOf(res).userId),
  }));

  mount(router, routes.attribute, auth, async (req, res) => {
    const { code } = parseInput(ZAttributeBody, req.body);
    const { userId } = principalOf(res);
    const { rows } = await deps.pool.query<{ young: boolean }>(
      `select created_at > now() - interval '24 hours' as young from users where id = $1`,
      [userId],
    );
    if (!rows[0]?.young)
      throw new AppError('CONFLICT', { message: 'Only new accounts can name who invited them.' });
    const referral = await attributeReferral(deps.pool, {
      refereeId: userId,
      code,
      touchedAt: new Date(),
    });
    if (referral.rules.qualifyingAction === 'signup')
      await deps.jobs.enqueueQualification({ refereeId: userId, action: 'signup' });
    return { accepted: true as const };
  });

  mount(router, routes.customEvent, async (req) => {
    const body = parseInput(ZCustomEventBody, req.body);
    const key = req.headers['x-api-key'];
    const rules = await loadCampaignRules(deps.pool, body.campaignId);
    const presented = typeof key === 'string' && key.length >= 16 ? sha256(key) : null;
    const expected = rules?.customEventKeyHash
      ? Buffer.from(rules.customEventKeyHash, 'hex')
      : null;
    if (!presented || !expected || !timingSafeEqual(presented, expected))
      throw new AppError('API_KEY_INVALID');
    await deps.jobs.enqueueQualification({ refereeId: body.userId, action: 'custom' });
    return { accepted: true as const };
  });

  mount(router, routes.leaderboard, auth, async (req, res) => {
    const { campaignId } = parseInput(ZCampaignParam, req.params);
    return deps.leaderboard.read(campaignId, principalOf(res).userId);
  });

  return router;
}
