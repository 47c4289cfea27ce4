// POST /api/auth/signup · login · logout · verify-email(/resend) · password-reset(/confirm) · password · DELETE account · GET|PATCH /api/me · GET /api/me/data
import { Router, type Request, type Response } from 'express';
import type { AccountsService, IssuedSession } from '@playloop/core';
import {
  routes,
  ZLoginBody,
  ZPasswordChangeBody,
  ZAccountDeleteBody,
  ZPasswordResetBody,
  ZProfileUpdateBody,
  ZPasswordResetRequestBody,
  ZSignupBody,
  ZVerifyEmailBody,
} from '@playloop/shared';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import { principalOf, requireAuth } from './require-auth.js';
import { answerSession, REFRESH_COOKIE, refreshCookieBase } from './session-resume.js';
import { INVITE_COOKIE, readInviteCookie, VISITOR_COOKIE } from '../referrals/invite-link.js';

const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** First-party signals of a sign-up: the SPA's device id (else the visitor cookie), IP, browser, invite cookie. */
function signupContext(req: Request) {
  const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
  const header = req.headers['x-device-id'];
  const deviceId =
    typeof header === 'string' && DEVICE_ID.test(header)
      ? header
      : (cookies[VISITOR_COOKIE]?.match(DEVICE_ID)?.[0] ?? null);
  return {
    deviceId,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 512) ?? null,
    inviteCookie: readInviteCookie(cookies[INVITE_COOKIE]),
    visitorId: cookies[VISITOR_COOKIE]?.match(DEVICE_ID)?.[0] ?? null,
  };
}

export function authRoutes(deps: { accounts: AccountsService; secureCookies: boolean }): Router {
  const router = Router();
  const cookieBase = refreshCookieBase(deps.secureCookies);
  const answer = (res: Response, issued: IssuedSession) =>
    answerSession(res, issued, deps.secureCookies);
  const cookieOf = (req: Request): string | undefined => {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' && value.length <= 128 ? value : undefined;
  };

  mount(router, routes.signup, async (req, res) => {
    const body = parseInput(ZSignupBody, req.body);
    const context = signupContext(req);
    const issued = await deps.accounts.signup(body, context);
    if (context.inviteCookie) res.clearCookie(INVITE_COOKIE, { path: '/' });
    return answer(res, issued);
  });

  mount(router, routes.login, async (req, res) =>
    answer(res, await deps.accounts.login(parseInput(ZLoginBody, req.body), req.ip ?? 'unknown')),
  );

  // POST /api/auth/refresh is mounted in front of the parsers: see session-resume.ts.

  mount(router, routes.logout, async (req, res) => {
    await deps.accounts.logout(cookieOf(req));
    res.clearCookie(REFRESH_COOKIE, cookieBase);
    return { ok: true as const };
  });

  mount(router, routes.verifyEmail, async (req) => {
    const { token } = parseInput(ZVerifyEmailBody, req.body);
    return { verified: true as const, ...(await deps.accounts.verifyEmail(token)) };
  });

  mount(router, routes.resendVerificationEmail, requireAuth(deps.accounts), async (_req, res) =>
    deps.accounts.resendVerificationEmail(principalOf(res).userId),
  );

  mount(router, routes.requestPasswordReset, async (req) => {
    const { email } = parseInput(ZPasswordResetRequestBody, req.body);
    await deps.accounts.requestPasswordReset(email);
    return { requested: true as const };
  });

  mount(router, routes.resetPassword, async (req, res) =>
    answer(res, await deps.accounts.resetPassword(parseInput(ZPasswordResetBody, req.body))),
  );

  mount(router, routes.changePassword, requireAuth(deps.accounts), async (req, res) => {
    const body = parseInput(ZPasswordChangeBody, req.body);
    const userId = principalOf(res).userId;
    return answer(res, await deps.accounts.changePassword(userId, body, req.ip ?? 'unknown'));
  });

  mount(router, routes.deleteAccount, requireAuth(deps.accounts), async (req, res) => {
    const body = parseInput(ZAccountDeleteBody, req.body ?? {});
    await deps.accounts.deleteAccount(principalOf(res).userId, body, req.ip ?? 'unknown');
    res.clearCookie(REFRESH_COOKIE, cookieBase);
    res.setHeader('Cache-Control', 'no-store');
    return { deleted: true as const };
  });

  mount(router, routes.me, requireAuth(deps.accounts), async (_req, res) => ({
    user: await deps.accounts.me(principalOf(res).userId),
  }));

  mount(router, routes.myData, requireAuth(deps.accounts), async (_req, res) => {
    const data = await deps.accounts.exportData(principalOf(res).userId);
    const day = new Date().toISOString().slice(0, 10);
    res.setHeader('Content-Disposition', `attachment; filename="playloop-data-${day}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    return data;
  });

  mount(router, routes.updateMe, requireAuth(deps.accounts), async (req, res) => ({
    user: await deps.accounts.updateProfile(
      principalOf(res).userId,
      parseInput(ZProfileUpdateBody, req.body),
    ),
  }));

  return router;
}
