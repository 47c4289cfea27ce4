import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opaque 256-bit token; only its SHA-256 is stored. */
export async function issueRefreshToken(
  db: Queryable,
  userId: string,
  ttlSeconds: number,
  familyId: string = newId('rtf'),
): Promise<{ token: string; familyId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await db.query(
    'insert into refresh_tokens (token_hash, family_id, user_id, expires_at) values ($1, $2, $3, $4)',
    [hashToken(token), familyId, userId, expiresAt],
  );
  return { token, familyId, expiresAt };
}

/**
 * Rotates a refresh token: marks it used and issues its successor in the same family. A token
 * presented a second time revokes every token of its family (someone else holds a copy).
 */
export async function rotateRefreshToken(
  pool: Pool,
  token: string,
  ttlSeconds: number,
): Promise<{ userId: string; token: string; expiresAt: Date }> {
  type Outcome = { error: 'AUTH_REFRESH_INVALID' | 'AUTH_REFRESH_REUSED' } | { userId: string; token: string; expiresAt: Date };
  const outcome = await withTransaction<Outcome>(pool, async (tx) => {
    const { rows } = await tx.query<{ family_id: string; user_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null }>(
      'select family_id, user_id, expires_at, used_at, revoked_at from refresh_tokens where token_hash = $1 for update',
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row) return { error: 'AUTH_REFRESH_INVALID' as const };
    if (row.used_at || row.revoked_at) {
      await tx.query('update refresh_tokens set revoked_at = coalesce(revoked_at, now()) where family_id = $1', [row.family_id]);
      return { error: row.revoked_at && !row.used_at ? ('AUTH_REFRESH_INVALID' as const) : ('AUTH_REFRESH_REUSED' as const) };
    }
    if (row.expires_at.getTime() <= Date.now()) return { error: 'AUTH_REFRESH_INVALID' as const };
    await tx.query('update refresh_tokens set used_at = now() where token_hash = $1', [hashToken(token)]);
    const next = await issueRefreshToken(tx, row.user_id, ttlSeconds, row.family_id);
    return { userId: row.user_id, token: next.token, expiresAt: next.expiresAt };
  });
  // The family revocation above must commit, so the error is thrown after the transaction.
  if ('error' in outcome) throw new AppError(outcome.error);
  return outcome;
}

/** Logout: revokes the family the token belongs to. Unknown tokens are ignored. */
export async function revokeRefreshFamily(db: Queryable, token: string): Promise<void> {
  await db.query(
    `update refresh_tokens set revoked_at = coalesce(revoked_at, now())
     where family_id = (select family_id from refresh_tokens where token_hash = $1)`,
    [hashToken(token)],
  );
}
