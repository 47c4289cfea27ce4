import { z } from 'zod';
import type { RouteContract } from '../rest/routes.js';
import {
  ZLoginBody,
  ZMeResponse,
  ZMyData,
  ZOkResponse,
  ZProfileUpdateBody,
  ZPasswordChangeBody,
  ZAccountDeleteBody,
  ZAccountDeleted,
  ZPasswordResetBody,
  ZPasswordResetRequestBody,
  ZPasswordResetRequested,
  ZSession,
  ZSignupBody,
  ZVerifyEmailBody,
  ZVerifyEmailResponse,
} from './schemas.js';

/** Accounts and sessions: sign-up, login, refresh, logout, email verification, passwords, who am I. Spread into `routes`. */
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
  requestPasswordReset: {
    method: 'post',
    path: '/api/auth/password-reset',
    summary:
      'Mail a password reset link if the address has an account (same answer either way; one a minute per address)',
    tag: 'auth',
    auth: 'none',
    body: ZPasswordResetRequestBody,
    response: ZPasswordResetRequested,
    status: 202,
  },
  resetPassword: {
    method: 'post',
    path: '/api/auth/password-reset/confirm',
    summary: 'Spend a reset link on a new password: every other session ends, this one signs in',
    tag: 'auth',
    auth: 'none',
    body: ZPasswordResetBody,
    response: ZSession,
  },
  changePassword: {
    method: 'post',
    path: '/api/auth/password',
    summary:
      'Change the password (the current one is asked again): every other session ends, this one goes on',
    tag: 'auth',
    auth: 'access',
    body: ZPasswordChangeBody,
    response: ZSession,
  },
  deleteAccount: {
    method: 'delete',
    path: '/api/auth/account',
    summary:
      'Erase your account (GDPR): personal data goes, every session ends, ledger records stay anonymous',
    tag: 'auth',
    auth: 'access',
    body: ZAccountDeleteBody,
    response: ZAccountDeleted,
  },
  me: {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in user',
    tag: 'auth',
    auth: 'access',
    response: ZMeResponse,
  },
  myData: {
    method: 'get',
    path: '/api/me/data',
    summary: 'Download everything kept about you (GDPR access and portability), as JSON',
    tag: 'auth',
    auth: 'access',
    response: ZMyData,
  },
  updateMe: {
    method: 'patch',
    path: '/api/me',
    summary: 'Change your display name or the language of your emails',
    tag: 'auth',
    auth: 'access',
    body: ZProfileUpdateBody,
    response: ZMeResponse,
  },
} as const satisfies Record<string, RouteContract>;

/**
 * The credential routes: each hashes a password with argon2id or mails a link. They share the
 * `password` rate-limit class and the load shedder's bound on hashing in flight.
 */
export const CREDENTIAL_PATHS: ReadonlySet<string> = new Set([
  authRoutes.signup.path,
  authRoutes.login.path,
  authRoutes.requestPasswordReset.path,
  authRoutes.resetPassword.path,
  authRoutes.changePassword.path,
  authRoutes.deleteAccount.path,
]);
