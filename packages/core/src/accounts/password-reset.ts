import { createHash, randomBytes } from 'node:crypto';
import { PASSWORD_RESET_TOKEN } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import { revokeAllRefreshTokens } from './refresh-tokens.js';
import { USER_COLUMNS, type UserRow } from './user-repo.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest();

/** OWASP Forgot Password Cheat Sheet: short-lived, single-use, random, stored hashed. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

/** A fresh single-use reset token for `userId`; only its hash is stored. */
export async function issuePasswordReset(
  db: Queryable,
  userId: string,
  ttlMinutes = PASSWORD_RESET_TTL_MINUTES,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ expires_at: Date }>(
    `insert into password_resets (user_id, token_hash, expires_at)
     values ($1, $2, now() + make_interval(mins => $3)) returning expires_at`,
    [userId, hashOf(token), ttlMinutes],
  );
  return { token, expiresAt: (rows[0] as { expires_at: Date }).expires_at };
}

interface TokenState {
  id: string;
  user_id: string;
  used: boolean;
  live: boolean;
}

function usable(row: TokenState | undefined): TokenState {
  if (!row || row.used) throw new AppError('PASSWORD_RESET_INVALID');
  if (!row.live) throw new AppError('PASSWORD_RESET_EXPIRED');
  return row;
}

const TOKEN_STATE = `select id, user_id, used_at is not null as used, expires_at > now() as live
  from password_resets where token_hash = $1`;

/**
 * Throws `PASSWORD_RESET_INVALID` (unknown, forged or spent) or `PASSWORD_RESET_EXPIRED` before a
 * caller spends an argon2id hash on a token that cannot work.
 */
export async function checkPasswordReset(db: Queryable, token: string): Promise<void> {
  if (!PASSWORD_RESET_TOKEN.test(token)) throw new AppError('PASSWORD_RESET_INVALID');
  const { rows } = await db.query<TokenState>(TOKEN_STATE, [hashOf(token)]);
  usable(rows[0]);
}

export interface PasswordResetDone {
  user: UserRow;
  /** The link proved the mailbox: true when that verified the address for the first time. */
  newlyVerified: boolean;
}

/**
 * Spends a reset token on a new password hash, in one transaction: the token and every other
 * outstanding reset link of the account are used up, every refresh token of the account is
 * revoked (all other sessions end), and the address counts as verified. Two requests racing with
 * the same token: one wins, the other gets `PASSWORD_RESET_INVALID`.
 */
export async function completePasswordReset(
  pool: Pool,
  token: string,
  passwordHash: string,
): Promise<PasswordResetDone> {
  if (!PASSWORD_RESET_TOKEN.test(token)) throw new AppError('PASSWORD_RESET_INVALID');
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<TokenState>(`${TOKEN_STATE} for update`, [hashOf(token)]);
    const row = usable(rows[0]);
    await tx.query(
      'update password_resets set used_at = now() where user_id = $1 and used_at is null',
      [row.user_id],
    );
    await revokeAllRefreshTokens(tx, row.user_id);
    const { rows: users } = await tx.query<UserRow & { newly_verified: boolean }>(
      `with prev as (select email_verified_at from users where id = $1 for update)
       update users u set password_hash = $2, updated_at = now(),
         email_verified_at = coalesce(u.email_verified_at, now())
       from prev where u.id = $1
       returning ${USER_COLUMNS.replace(/(\w+)/g, 'u.$1')}, prev.email_verified_at is null as newly_verified`,
      [row.user_id, passwordHash],
    );
    const user = users[0];
    if (!user) throw new AppError('PASSWORD_RESET_INVALID', { internal: 'user vanished' });
    const { newly_verified: newlyVerified, ...rest } = user;
    return { user: rest, newlyVerified };
  });
}
