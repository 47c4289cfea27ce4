import type { TPasswordChangeBody, TPasswordResetBody } from '@playloop/shared';
import { withTransaction } from '../db/pool.js';
import { AppError } from '../errors/app-error.js';
import { hashPassword, verifyPassword } from './password.js';
import { checkPasswordReset, completePasswordReset } from './password-reset.js';
import { revokeAllRefreshTokens } from './refresh-tokens.js';
import { findUserById, USER_COLUMNS, type UserRow } from './user-repo.js';
import type { AccountsDeps, IssuedSession } from './service.js';

/**
 * A signed-in player proves they know their password before something a stolen access token must
 * not do alone. Wrong guesses count against the account like failed logins (429 after ten).
 */
export async function proveCurrentPassword(
  deps: Pick<AccountsDeps, 'loginLimiter'>,
  row: Pick<UserRow, 'email' | 'password_hash'>,
  currentPassword: string | undefined,
  ip: string,
): Promise<void> {
  if (!currentPassword)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'currentPassword', message: 'is required' }],
    });
  await deps.loginLimiter.check(row.email, ip);
  if (!row.password_hash || !(await verifyPassword(row.password_hash, currentPassword))) {
    await deps.loginLimiter.recordFailure(row.email);
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'currentPassword', message: 'is not your current password' }],
    });
  }
  await deps.loginLimiter.recordSuccess(row.email);
}

/** Forgotten and changed passwords; part of the accounts service. */
export function createPasswordOperations(
  deps: AccountsDeps,
  startSession: (row: UserRow) => Promise<IssuedSession>,
) {
  return {
    /**
     * Asks for a reset link. The request path never reads the account: it spends the address's
     * mail budget and queues a job, so the answer (and its timing) is the same for an address
     * with no account; the worker looks the address up and mails only an existing local account.
     */
    async requestPasswordReset(email: string): Promise<void> {
      await deps.resetMailLimiter.consume(email);
      await deps.jobs.enqueuePasswordReset({ email });
    },

    /**
     * Spends a reset link on a new password and signs in. The token is checked before the
     * argon2id hash (a forged link costs no hashing) and again, locked, when it is spent.
     */
    async resetPassword(input: TPasswordResetBody): Promise<IssuedSession> {
      await checkPasswordReset(deps.pool, input.token);
      const passwordHash = await hashPassword(input.password);
      const done = await completePasswordReset(deps.pool, input.token, passwordHash);
      // The owner proved the mailbox: an account locked by wrong guesses opens again.
      await deps.loginLimiter.recordSuccess(done.user.email);
      if (done.newlyVerified)
        await deps.jobs.enqueueQualification({ refereeId: done.user.id, action: 'email_verified' });
      return startSession(done.user);
    },

    /**
     * A signed-in player changes their password, proving they know the current one (a stolen
     * access token alone cannot take the account over). Wrong guesses count against the account
     * like failed logins. Every session ends; the caller gets a new one.
     */
    async changePassword(
      userId: string,
      input: TPasswordChangeBody,
      ip: string,
    ): Promise<IssuedSession> {
      const row = await findUserById(deps.pool, userId);
      if (!row) throw new AppError('NOT_FOUND');
      if (!row.password_hash)
        throw new AppError('CONFLICT', {
          message: 'Your password is managed by your sign-in provider.',
        });
      await proveCurrentPassword(deps, row, input.currentPassword, ip);
      const passwordHash = await hashPassword(input.newPassword);
      const updated = await withTransaction(deps.pool, async (tx) => {
        await revokeAllRefreshTokens(tx, userId);
        const { rows } = await tx.query<UserRow>(
          `update users set password_hash = $2, updated_at = now() where id = $1
           returning ${USER_COLUMNS}`,
          [userId, passwordHash],
        );
        return rows[0];
      });
      if (!updated) throw new AppError('NOT_FOUND');
      return startSession(updated);
    },
  };
}
