import { createHash, randomBytes } from 'node:crypto';
import { EMAIL_VERIFICATION_TOKEN } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest();

export const EMAIL_VERIFICATION_TTL_HOURS = 48;

/** A fresh single-use token for `userId`; only its hash is stored. */
export async function issueEmailVerification(
  db: Queryable,
  userId: string,
  ttlHours = EMAIL_VERIFICATION_TTL_HOURS,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const { rows } = await db.query<{ expires_at: Date }>(
    `insert into email_verifications (user_id, token_hash, expires_at)
     values ($1, $2, now() + make_interval(hours => $3)) returning expires_at`,
    [userId, hashOf(token), ttlHours],
  );
  return { token, expiresAt: (rows[0] as { expires_at: Date }).expires_at };
}

export interface EmailConfirmation {
  userId: string;
  /** False when the address was verified already (a second click, or by another link). */
  newlyVerified: boolean;
}

/**
 * Spends a verification token and marks its user's email verified, once. A token already spent
 * answers like success without changing anything (people click links twice); an unknown one is
 * `EMAIL_VERIFICATION_INVALID`, an expired one `EMAIL_VERIFICATION_EXPIRED`.
 */
export async function confirmEmailVerification(
  pool: Pool,
  token: string,
): Promise<EmailConfirmation> {
  if (!EMAIL_VERIFICATION_TOKEN.test(token)) throw new AppError('EMAIL_VERIFICATION_INVALID');
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ id: string; user_id: string; used: boolean; live: boolean }>(
      `select id, user_id, used_at is not null as used, expires_at > now() as live
       from email_verifications where token_hash = $1 for update`,
      [hashOf(token)],
    );
    const row = rows[0];
    if (!row) throw new AppError('EMAIL_VERIFICATION_INVALID');
    if (row.used) return { userId: row.user_id, newlyVerified: false };
    if (!row.live) throw new AppError('EMAIL_VERIFICATION_EXPIRED');
    await tx.query('update email_verifications set used_at = now() where id = $1', [row.id]);
    const { rowCount } = await tx.query(
      `update users set email_verified_at = now(), updated_at = now()
       where id = $1 and email_verified_at is null`,
      [row.user_id],
    );
    return { userId: row.user_id, newlyVerified: rowCount === 1 };
  });
}
