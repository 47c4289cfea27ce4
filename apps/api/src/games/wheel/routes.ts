// GET /api/campaigns/:campaignId/wheel · POST /api/campaigns/:campaignId/wheel/client-seed
// POST /api/campaigns/:campaignId/wheel/seed/rotate · POST /api/campaigns/:campaignId/wheel/daily-spin
// GET /api/campaigns/:campaignId/wheel/spins · GET /api/wheel/spins/:spinId
// PUT /api/admin/campaigns/:campaignId/wheel
import { Router } from 'express';
import {
  claimDailySpin,
  createRedisNotifier,
  getMySpin,
  getWallet,
  getWheelState,
  listMySpins,
  publishWheel,
  rotateSeed,
  setClientSeed,
  type Authenticate,
  type Pool,
  type Redis,
} from '@playloop/core';
import {
  routes,
  ZSetClientSeedBody,
  ZWheelCampaignParam,
  ZWheelConfig,
  ZWheelSpinParam,
} from '@playloop/shared';
import { principalOf, requireAuth } from '../../auth/require-auth.js';
import { actorOf, staffOnly } from '../../admin/guard.js';
import { mount } from '../../http/route.js';
import { parseInput } from '../../http/validate.js';

export interface WheelRouteDeps {
  pool: Pool;
  redis: Redis;
  config: { REDIS_PREFIX: string };
  accounts: { authenticate: Authenticate };
}

/**
 * The wheel's REST side: state, seeds, daily spin, history and publishing. Spinning itself is the
 * `wheel:spin` socket event (apps/realtime), so the animation can start the moment the ack lands.
 */
export function wheelRoutes(deps: WheelRouteDeps): Router {
  const router = Router();
  const auth = requireAuth(deps.accounts);
  const notifier = createRedisNotifier(deps.redis, deps.config.REDIS_PREFIX);
  const campaignOf = (params: unknown) => parseInput(ZWheelCampaignParam, params).campaignId;

  mount(router, routes.wheel, auth, async (req, res) =>
    getWheelState(deps.pool, principalOf(res).userId, campaignOf(req.params)),
  );

  mount(router, routes.wheelClientSeed, auth, async (req, res) => {
    const campaignId = campaignOf(req.params);
    const { clientSeed } = parseInput(ZSetClientSeedBody, req.body);
    return setClientSeed(deps.pool, principalOf(res).userId, campaignId, clientSeed);
  });

  mount(router, routes.wheelRotateSeed, auth, async (req, res) =>
    rotateSeed(deps.pool, principalOf(res).userId, campaignOf(req.params)),
  );

  mount(router, routes.wheelDailySpin, auth, async (req, res) => {
    const { userId } = principalOf(res);
    const claimed = await claimDailySpin(deps.pool, { userId, campaignId: campaignOf(req.params) });
    // Other tabs (and the wheel page's spin counter) learn about the new spin without polling.
    notifier.toUser(userId, 'wallet:updated', await getWallet(deps.pool, userId));
    return claimed;
  });

  mount(router, routes.wheelSpins, auth, async (req, res) => ({
    spins: await listMySpins(deps.pool, principalOf(res).userId, campaignOf(req.params)),
  }));

  mount(router, routes.wheelSpin, auth, async (req, res) =>
    getMySpin(deps.pool, principalOf(res).userId, parseInput(ZWheelSpinParam, req.params).spinId),
  );

  mount(router, routes.wheelPublish, ...staffOnly(deps, ['marketing']), async (req, res) =>
    publishWheel(
      deps.pool,
      actorOf(req, res),
      campaignOf(req.params),
      parseInput(ZWheelConfig, req.body),
    ),
  );

  return router;
}
