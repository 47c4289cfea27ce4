// GET /api/admin/admission · PUT /api/admin/admission
import { Router } from 'express';
import type { AccountsService, WaitingRoom } from '@playloop/core';
import { routes, ZAdmissionSettingsBody, type TAdmissionState } from '@playloop/shared';
import { requireAuth, requireRole } from '../auth/require-auth.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import type { SheddingState } from '../http/shedding.js';

export interface OperatorRouteDeps {
  room: WaitingRoom;
  accounts: Pick<AccountsService, 'authenticate'>;
  shedding: () => SheddingState;
  rateLimitedTotal: () => number;
}

/** The operator's switch (admins only): the room's state, its rate, and this pod's shedding counters. */
export function operatorRoutes(deps: OperatorRouteDeps): Router {
  const router = Router();
  const adminOnly = [requireAuth(deps.accounts), requireRole()] as const;

  async function state(): Promise<TAdmissionState> {
    const [s, counts] = await Promise.all([deps.room.settings(), deps.room.counts()]);
    const isQueueing = deps.room.isQueueingFor(s);
    return {
      mode: s.mode,
      isQueueing,
      reason: !isQueueing ? null : s.mode === 'on' ? 'operator' : 'load',
      admitPerSecond: s.admitPerSecond,
      ...counts,
      shedding: { ...deps.shedding(), rateLimitedTotal: deps.rateLimitedTotal() },
    };
  }

  mount(router, routes.adminAdmission, ...adminOnly, async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    return state();
  });

  mount(router, routes.adminUpdateAdmission, ...adminOnly, async (req, res) => {
    const change = parseInput(ZAdmissionSettingsBody, req.body);
    await deps.room.update(change);
    req.log?.info({ change }, 'waiting room settings changed by an operator');
    res.setHeader('Cache-Control', 'no-store');
    return state();
  });

  return router;
}
