import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type {
  AccountsService,
  ClickCounter,
  InviteDirectory,
  JobQueues,
  Leaderboard,
  Logger,
  PayoutQueue,
  Pool,
  Redis,
} from '@playloop/core';
import { adminCampaignRoutes } from './admin/campaign-routes.js';
import { auditRefusal } from './admin/guard.js';
import { createAdmission } from './admission/index.js';
import { adminUserRoutes } from './admin/user-routes.js';
import { authRoutes } from './auth/routes.js';
import { campaignRoutes } from './campaigns/routes.js';
import { isSecureCookies, type ApiConfig } from './config.js';
import { healthRoutes } from './health/routes.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { createHttpMetrics } from './http/metrics.js';
import { createSessionResumeHandler } from './auth/session-resume.js';
import { originPolicy } from './http/origin.js';
import { requestLog } from './http/request-log.js';
import { onlyItsPaths } from './http/route.js';
import { metaRoutes } from './meta/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { payoutsTransport } from './payouts/index.js';
import { createInviteLinkHandler } from './referrals/invite-link.js';
import { referralRoutes } from './referrals/routes.js';
import { reviewRoutes } from './review/routes.js';
import { walletRoutes } from './wallet/routes.js';
import { wheelRoutes } from './games/wheel/routes.js';
import { quizRoutes } from './games/quiz/routes.js';

export interface ApiDeps {
  config: ApiConfig;
  logger: Logger;
  pool: Pool;
  redis: Redis;
  accounts: AccountsService;
  jobs: JobQueues;
  invites: InviteDirectory;
  clicks: ClickCounter;
  leaderboard: Leaderboard;
  payouts: PayoutQueue;
}

/** The composition root of the HTTP transport: everything it talks to arrives in `deps`. */
export function createApp(deps: ApiDeps): Express {
  const { config, logger } = deps;
  const app = express();
  const metrics = createHttpMetrics();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);

  // Probes first: no logging, parsing or auth in front of them.
  app.use(healthRoutes({ pool: deps.pool, redis: deps.redis, registry: metrics.registry }));
  // Admission control next: a shed or rate-limited request costs no logging, parsing or database work.
  const admission = createAdmission(deps, metrics.registry);
  // The invite link and the session resume are served in front of Express with the waiting room's
  // calls: a viral click and a rush of returning players need none of Express's routing, logging,
  // headers or parsing (see invite-link.ts, session-resume.ts).
  admission.guard(
    app,
    createSessionResumeHandler({
      accounts: deps.accounts,
      secureCookies: isSecureCookies(config),
      corsOrigins: config.CORS_ORIGINS,
      budget: admission.addressBudget('session'),
      duration: metrics.duration,
      logger,
    }),
    createInviteLinkHandler({
      invites: deps.invites,
      clicks: deps.clicks,
      appUrl: config.PUBLIC_APP_URL,
      secureCookies: isSecureCookies(config),
      logger,
      budget: admission.addressBudget('read'),
    }),
  );
  app.use(admission.rateLimits);

  app.use(requestLog(logger));
  app.use(metrics.middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': [
            "'self'",
            config.PUBLIC_REALTIME_URL,
            config.PUBLIC_REALTIME_URL.replace(/^http/, 'ws'),
            ...(config.SUPABASE_URL ? [config.SUPABASE_URL] : []),
          ],
        },
      },
    }),
  );
  app.use(...originPolicy(config.CORS_ORIGINS));
  // Signed provider callbacks (raw bytes) and coupon imports (2 MB) parse their own bodies.
  const payouts = payoutsTransport(deps, metrics.registry);
  app.use(payouts.beforeBodyParser);
  app.use(express.json({ limit: config.BODY_LIMIT_BYTES, strict: true }));
  app.use(cookieParser());

  app.use(admission.router);
  // Feature routers: each skipped at once by a request for another feature (see onlyItsPaths).
  app.use(
    onlyItsPaths(authRoutes({ accounts: deps.accounts, secureCookies: isSecureCookies(config) })),
  );
  app.use(onlyItsPaths(referralRoutes({ ...deps, appUrl: config.PUBLIC_APP_URL })));
  app.use(onlyItsPaths(walletRoutes(deps)));
  app.use(onlyItsPaths(wheelRoutes(deps)));
  app.use(onlyItsPaths(quizRoutes(deps)));
  app.use(onlyItsPaths(reviewRoutes(deps)));
  app.use(onlyItsPaths(adminCampaignRoutes(deps)));
  app.use(onlyItsPaths(adminUserRoutes(deps)));
  app.use(onlyItsPaths(notificationRoutes({ pool: deps.pool, accounts: deps.accounts })));
  app.use(onlyItsPaths(campaignRoutes({ pool: deps.pool })));
  app.use(onlyItsPaths(payouts.router));
  app.use(
    metaRoutes({
      realtimeUrl: config.PUBLIC_REALTIME_URL,
      supabase:
        config.SUPABASE_URL && config.SUPABASE_ANON_KEY
          ? { url: config.SUPABASE_URL, anonKey: config.SUPABASE_ANON_KEY }
          : null,
    }),
  );

  app.use('/api', notFoundHandler);
  if (config.WEB_DIST_DIR && existsSync(config.WEB_DIST_DIR)) serveSpa(app, config.WEB_DIST_DIR);
  app.use(notFoundHandler);
  app.use(errorHandler(logger, auditRefusal(deps.pool)));
  return app;
}

/** Static SPA with long-lived hashed assets and an index.html fallback for client routes. */
function serveSpa(app: Express, dir: string): void {
  const root = path.resolve(dir);
  app.use(
    '/assets',
    express.static(path.join(root, 'assets'), {
      immutable: true,
      maxAge: '1y',
      fallthrough: false,
    }),
  );
  app.use(express.static(root, { index: false, maxAge: '5m' }));
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(root, 'index.html'));
  });
}
