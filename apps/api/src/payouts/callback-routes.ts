// POST /api/payouts/callbacks/:provider
import express, { Router } from 'express';
import { AppError, applyProviderCallback, verifySignature } from '@playloop/core';
import { routes, ZProviderCallback, zProviderName } from '@playloop/shared';
import { z } from 'zod';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import type { PayoutApiContext } from './context.js';

const ZProviderParam = z.object({ provider: zProviderName });

/**
 * Provider callbacks. The HMAC covers the exact bytes sent, so this route reads the raw body (it
 * is mounted before the app-wide JSON parser), verifies `X-Signature`, and only then parses.
 */
export function payoutCallbackRoutes(ctx: PayoutApiContext): Router {
  const router = Router();
  mount(
    router,
    routes.providerCallback,
    express.raw({ type: () => true, limit: '64kb' }),
    async (req) => {
      const { provider } = parseInput(ZProviderParam, req.params);
      const secret = ctx.providers.get(provider)?.callbackSecret;
      if (!secret) throw new AppError('NOT_FOUND', { message: 'No such provider.' });
      const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      const signature = req.headers['x-signature'];
      if (!verifySignature(secret, typeof signature === 'string' ? signature : undefined, raw)) {
        throw new AppError('SIGNATURE_INVALID', { internal: `callback from ${provider}` });
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new AppError('MALFORMED_JSON');
      }
      const event = parseInput(ZProviderCallback, json);
      const result = await applyProviderCallback(
        { pool: ctx.deps.pool, notifier: ctx.notifier, logger: ctx.deps.logger },
        provider,
        event,
      );
      return { received: true as const, applied: result.applied, duplicate: result.duplicate };
    },
  );
  return router;
}
