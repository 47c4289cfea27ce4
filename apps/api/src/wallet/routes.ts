// GET /api/wallet
import { Router } from 'express';
import { getWallet, listLedgerHistory, type AccountsService, type Pool } from '@playloop/core';
import { routes } from '@playloop/shared';
import { principalOf, requireAuth } from '../auth/require-auth.js';
import { mount } from '../http/route.js';

export function walletRoutes(deps: { pool: Pool; accounts: AccountsService }): Router {
  const router = Router();
  mount(router, routes.wallet, requireAuth(deps.accounts), async (_req, res) => {
    const { userId } = principalOf(res);
    const [wallet, history] = await Promise.all([
      getWallet(deps.pool, userId),
      listLedgerHistory(deps.pool, userId),
    ]);
    return { wallet, history };
  });
  return router;
}
