import type {
  TLoginBody,
  TProfileUpdateBody,
  TSession,
  TSignupBody,
  TUser,
} from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import type { Pool } from '../db/pool.js';
import type { JobQueues } from '../jobs/queues.js';
import { issueAccessToken, type AccessTokenConfig } from './access-token.js';
import type { LoginLimiter, MailLimiter } from './login-limiter.js';
import { exportUserData } from './data-export.js';
import { createAccountDeletion } from './account-deletion.js';
import { createPasswordOperations } from './passwords.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { issueRefreshToken, revokeRefreshFamily, rotateRefreshToken } from './refresh-tokens.js';
import { createAuthenticator } from './authenticator.js';
import { confirmEmailVerification } from './email-verification.js';
import {
  findUserByEmail,
  findUserById,
  insertLocalUser,
  toUser,
  updateUserProfile,
  type UserRow,
} from './user-repo.js';
import type { TokenVerifier } from './verify-token.js';
import { resolveCodeForAttribution } from '../referrals/attribute-referral.js';
import { recordUserSignals, type SignupSignals } from '../referrals/signals.js';
import { recordConversion } from '../referrals/variant-exposure.js';

/** Where a sign-up came from: first-party signals and the invite it carries, if any. */
export interface SignupContext extends SignupSignals {
  /** The first-touch invite cookie set by `/r/<code>`, if the browser has one. */
  inviteCookie: { code: string; touchedAt: Date } | null;
  /** The first-party visitor id, to credit an A/B landing variant with the conversion. */
  visitorId?: string | null;
}

export interface AccountsDeps {
  pool: Pool;
  tokens: AccessTokenConfig;
  refreshTtlSeconds: number;
  loginLimiter: LoginLimiter;
  verificationMailLimiter: MailLimiter;
  /** One reset mail per address a minute, whether or not the address has an account. */
  resetMailLimiter: MailLimiter;
  /** Caches that show a player's name (leaderboards, invite previews) learn a new one. */
  onRenamed?: (userId: string, displayName: string) => Promise<void>;
  /** An account was erased: its open connections are told and closed. */
  onErased?: (userId: string) => Promise<void>;
  verifier: TokenVerifier;
  jobs: Pick<
    JobQueues,
    | 'enqueueWelcome'
    | 'enqueueAttribution'
    | 'enqueueVerificationEmail'
    | 'enqueuePasswordReset'
    | 'enqueueQualification'
  >;
}

/** A session plus the refresh token the transport puts in its httpOnly cookie. */
export interface IssuedSession {
  session: TSession;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export function createAccountsService(deps: AccountsDeps) {
  const authenticate = createAuthenticator({ pool: deps.pool, verifier: deps.verifier });
  async function startSession(row: UserRow): Promise<IssuedSession> {
    const refresh = await issueRefreshToken(deps.pool, row.id, deps.refreshTtlSeconds);
    const access = issueAccessToken(deps.tokens, { id: row.id, role: row.role });
    return {
      session: { accessToken: access.token, expiresIn: access.expiresIn, user: toUser(row) },
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt,
    };
  }

  /**
   * First touch wins: the cookie from the earliest click if it is still valid, else the code the
   * SPA sent. An explicit code that is wrong is an error the user sees; a stale cookie is ignored.
   */
  async function chooseInvite(explicit: string | undefined, cookie: SignupContext['inviteCookie']) {
    if (cookie) {
      const usable = await resolveCodeForAttribution(deps.pool, cookie.code, cookie.touchedAt).then(
        () => true,
        () => false,
      );
      if (usable) return cookie;
    }
    if (!explicit) return null;
    await resolveCodeForAttribution(deps.pool, explicit, new Date());
    return { code: explicit, touchedAt: new Date() };
  }

  return {
    async signup(
      input: TSignupBody,
      ctx: SignupContext = { deviceId: null, ip: null, userAgent: null, inviteCookie: null },
    ): Promise<IssuedSession> {
      const invite = await chooseInvite(input.referralCode, ctx.inviteCookie);
      const passwordHash = await hashPassword(input.password);
      const row = await insertLocalUser(deps.pool, {
        email: input.email,
        displayName: input.displayName,
        locale: input.locale ?? 'en',
        passwordHash,
      });
      if (!row)
        throw new AppError('EMAIL_TAKEN', {
          details: [{ path: 'email', message: 'is already registered' }],
        });
      await recordUserSignals(deps.pool, row.id, row.email, ctx);
      if (ctx.visitorId) await recordConversion(deps.pool, ctx.visitorId, row.id);
      // Notifying, attributing and rewarding are the worker's jobs; the request only enqueues them.
      await deps.jobs.enqueueWelcome({ userId: row.id });
      await deps.verificationMailLimiter.consume(row.id);
      await deps.jobs.enqueueVerificationEmail({ userId: row.id });
      if (invite)
        await deps.jobs.enqueueAttribution({
          refereeId: row.id,
          code: invite.code,
          touchedAt: invite.touchedAt.toISOString(),
        });
      return startSession(row);
    },

    async login(input: TLoginBody, ip: string): Promise<IssuedSession> {
      await deps.loginLimiter.check(input.email, ip);
      const row = await findUserByEmail(deps.pool, input.email);
      const ok = await verifyPassword(
        row?.password_hash ?? (await decoyPasswordHash()),
        input.password,
      );
      if (!row || !row.password_hash || !ok) {
        await deps.loginLimiter.recordFailure(input.email);
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      }
      await deps.loginLimiter.recordSuccess(input.email);
      return startSession(row);
    },

    /** Session resume: costs a token lookup and an HMAC, never a password hash. */
    async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
      if (!refreshToken)
        throw new AppError('AUTH_REFRESH_INVALID', { internal: 'no refresh cookie' });
      const rotated = await rotateRefreshToken(deps.pool, refreshToken, deps.refreshTtlSeconds);
      const row = rotated.user;
      const access = issueAccessToken(deps.tokens, { id: row.id, role: row.role });
      return {
        session: { accessToken: access.token, expiresIn: access.expiresIn, user: toUser(row) },
        refreshToken: rotated.token,
        refreshExpiresAt: rotated.expiresAt,
      };
    },

    /**
     * Spends a verification link. The first time an address is verified, a referral whose
     * campaign qualifies on `email_verified` is queued for qualification (the worker rewards it).
     */
    async verifyEmail(token: string): Promise<{ alreadyVerified: boolean }> {
      const confirmed = await confirmEmailVerification(deps.pool, token);
      if (confirmed.newlyVerified)
        await deps.jobs.enqueueQualification({
          refereeId: confirmed.userId,
          action: 'email_verified',
        });
      return { alreadyVerified: !confirmed.newlyVerified };
    },

    /** Another verification email for a signed-in player who has not verified yet. */
    async resendVerificationEmail(userId: string): Promise<{ alreadyVerified: boolean }> {
      const row = await findUserById(deps.pool, userId);
      if (!row) throw new AppError('NOT_FOUND');
      if (row.email_verified_at) return { alreadyVerified: true };
      await deps.verificationMailLimiter.consume(userId);
      await deps.jobs.enqueueVerificationEmail({ userId });
      return { alreadyVerified: false };
    },

    async logout(refreshToken: string | undefined): Promise<void> {
      if (refreshToken) await revokeRefreshFamily(deps.pool, refreshToken);
    },

    /** Verifies an access token (own or Supabase) and names its bearer. */
    authenticate,

    ...createPasswordOperations(deps, startSession),

    ...createAccountDeletion(deps),

    /** Display name and email language; a new name reaches boards and invite previews at once. */
    async updateProfile(userId: string, change: TProfileUpdateBody): Promise<TUser> {
      const row = await updateUserProfile(deps.pool, userId, change);
      if (!row) throw new AppError('NOT_FOUND');
      if (change.displayName !== undefined) await deps.onRenamed?.(row.id, row.display_name);
      return toUser(row);
    },

    /** Everything kept about the player, for them to download. */
    exportData(userId: string): Promise<unknown> {
      return exportUserData(deps.pool, userId);
    },

    async me(userId: string): Promise<TUser> {
      const row = await findUserById(deps.pool, userId);
      if (!row) throw new AppError('NOT_FOUND');
      return toUser(row);
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
