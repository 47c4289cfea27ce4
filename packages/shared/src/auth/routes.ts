import { z } from 'zod';
import type { RouteContract } from '../rest/routes.js';
import {
  ZLoginBody,
  ZMeResponse,
  ZOkResponse,
  ZSession,
  ZSignupBody,
  ZVerifyEmailBody,
  ZVerifyEmailResponse,
} from './schemas.js';

/** Accounts and sessions: sign-up, login, refresh, logout, email verification, who am I. Spread into `routes`. */
export const authRoutes = {
  signup: {
    method: 'post',
    path: '/api/auth/signup',
    summary: 'Create an account and sign in',
    tag: 'auth',
    auth: 'none',
    body: ZSignupBody,
    response: ZSession,
    status: 201,
  },
  login: {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    auth: 'none',
    body: ZLoginBody,
    response: ZSession,
  },
  refresh: {
    method: 'post',
    path: '/api/auth/refresh',
    summary: 'Rotate the refresh cookie and get a new access token',
    tag: 'auth',
    auth: 'refresh',
    response: ZSession,
  },
  logout: {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Revoke the refresh token family and clear the cookie',
    tag: 'auth',
    auth: 'refresh',
    response: ZOkResponse,
  },
  verifyEmail: {
    method: 'post',
    path: '/api/auth/verify-email',
    summary: 'Spend the token of a verification link (single use; a second click is a no-op)',
    tag: 'auth',
    auth: 'none',
    body: ZVerifyEmailBody,
    response: ZVerifyEmailResponse,
  },
  resendVerificationEmail: {
    method: 'post',
    path: '/api/auth/verify-email/resend',
    summary: 'Send the signed-in player another verification link (at most one a minute)',
    tag: 'auth',
    auth: 'access',
    response: z.object({ alreadyVerified: z.boolean() }),
    status: 202,
  },
  me: {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in user',
    tag: 'auth',
    auth: 'access',
    response: ZMeResponse,
  },
} as const satisfies Record<string, RouteContract>;
