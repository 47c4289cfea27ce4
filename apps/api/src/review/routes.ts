// GET /api/review/referrals · POST /api/review/referrals
import { Router } from 'express';
import {
  listFlaggedReferrals,
  reviewReferrals,
  type AccountsService,
  type JobQueues,
  type Pool,
} from '@playloop/core';
import { routes, ZReviewBody } from '@playloop/shared';
import { z } from 'zod';
import { principalOf } from '../auth/require-auth.js';
import { staffOnly } from '../admin/guard.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';

const ZListQuery = z.object({
  campaignId: z
    .string()
    .regex(/^cmp_[0-9A-Za-z]{20}$/)
    .optional(),
});

/** Fraud review for marketing and support: the evidence, and a decision on one or many. */
export function reviewRoutes(deps: {
  pool: Pool;
  accounts: AccountsService;
  jobs: Pick<JobQueues, 'enqueueAnnouncement'>;
}): Router {
  const router = Router();
  const guard = staffOnly(deps, ['marketing', 'support']);

  mount(router, routes.flaggedReferrals, ...guard, async (req) => {
    const { campaignId } = parseInput(ZListQuery, req.query);
    return { referrals: await listFlaggedReferrals(deps.pool, campaignId ?? null) };
  });

  mount(router, routes.reviewReferrals, ...guard, async (req, res) => {
    const body = parseInput(ZReviewBody, req.body);
    const result = await reviewReferrals(deps.pool, {
      ...body,
      reviewerId: principalOf(res).userId,
    });
    for (const r of result.updated) {
      const paid = r.reward?.outcome === 'rewarded';
      await deps.jobs.enqueueAnnouncement({
        referralId: r.referralId,
        walletUserIds: paid ? [r.referrerId, r.refereeId] : [],
        leaderboard: paid,
      });
    }
    return { updated: result.updated.map((r) => r.referralId), skipped: result.skipped };
  });
  return router;
}
