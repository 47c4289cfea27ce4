import type { TAccountDeleteBody } from '@playloop/shared';
import { withTransaction } from '../db/pool.js';
import { AppError } from '../errors/app-error.js';
import { proveCurrentPassword } from './passwords.js';
import type { AccountsDeps } from './service.js';
import { findUserById } from './user-repo.js';

/** What an erased account is called wherever others still see it (leaderboards, referral lists). */
export const ERASED_DISPLAY_NAME = 'Deleted player';

/**
 * The right to erasure. The account's row stays, anonymous, because records others depend on
 * point at it (the ledger and its balances, payouts, spins, the referrer's list of friends);
 * everything that identified the person goes in one transaction: the email (a unique placeholder
 * takes its place, so the address can sign up afresh), the display name, the password hash, the
 * sign-in provider's subject, sign-up signals (device, address, user agent), notifications, every
 * refresh token (all sessions end), open verification and reset links. Invite codes stop resolving
 * (see the invite directory and attribution); leaderboards and cached invite previews show
 * `ERASED_DISPLAY_NAME` at once; the account's open sockets are told (`session:ended`) and closed.
 * An access token already issued stays valid until it expires (at most ACCESS_TOKEN_TTL_SECONDS),
 * naming an anonymous account.
 */
export function createAccountDeletion(deps: AccountsDeps) {
  return {
    async deleteAccount(userId: string, input: TAccountDeleteBody, ip: string): Promise<void> {
      const row = await findUserById(deps.pool, userId);
      if (!row) throw new AppError('NOT_FOUND');
      // A local account proves its password; a provider's account is proved by its access token.
      if (row.password_hash) await proveCurrentPassword(deps, row, input.currentPassword, ip);
      const erased = await withTransaction(deps.pool, async (tx) => {
        const { rowCount } = await tx.query(
          `update users set email = 'deleted+' || lower(id) || '@deleted.invalid', display_name = $2,
             password_hash = null, external_subject = null, email_verified_at = null,
             deleted_at = now(), updated_at = now()
           where id = $1 and deleted_at is null`,
          [userId, ERASED_DISPLAY_NAME],
        );
        if (!rowCount) return false;
        for (const table of [
          'refresh_tokens',
          'user_signals',
          'notifications',
          'email_verifications',
          'password_resets',
        ])
          await tx.query(`delete from ${table} where user_id = $1`, [userId]);
        return true;
      });
      if (!erased) throw new AppError('NOT_FOUND');
      await deps.onRenamed?.(userId, ERASED_DISPLAY_NAME);
      await deps.onErased?.(userId);
    },
  };
}
