import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import type { Queryable } from '../db/pool.js';
import type { UserRow } from './user-repo.js';

/** The account a resumed session is for; its password hash never leaves Postgres here. */
export type SessionUserRow = Omit<UserRow, 'password_hash'>;

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

// One statement, one round trip (a session resume is the request a rush of returning players
// sends): lock the presented token; if it is live, mark it used and issue its successor in the
// same family; if it was used or revoked already, revoke the whole family; and read the account
// the new access token is for. Prepared once per connection (named), so Postgres plans it once. Data-modifying CTEs
// run exactly once whether or not the final select reads them. Under READ COMMITTED, a concurrent
// rotation of the same token waits on the row lock, then sees it used and takes the reuse branch.
//
// Its commit does not wait for the WAL flush (`synchronous_commit = off` for this statement's own
// transaction only: `set_config(…, true)` ends with it, so the pooled connection's next
// transaction, a ledger posting say, is durable as ever). What a Postgres crash can lose is the
// last fraction of a second of rotations: their players hold a successor the database never
// stored and sign in again. Nothing is granted by the loss (the old token stays single-use), and
// a rush of resumes stops queueing on WAL flushes (measured: see docs/PERFORMANCE.md).
const ROTATE = `
with relaxed as (
  select set_config('synchronous_commit', 'off', true)
), cur as (
  select token_hash, family_id, user_id, expires_at, used_at, revoked_at
  from refresh_tokens where token_hash = $1 for update
), live as (
  select * from cur where used_at is null and revoked_at is null and expires_at > now()
), mark as (
  update refresh_tokens r set used_at = now() from live where r.token_hash = live.token_hash
  returning r.family_id, r.user_id
), fresh as (
  insert into refresh_tokens (token_hash, family_id, user_id, expires_at)
  select $2, family_id, user_id, $3 from mark returning user_id
), burn as (
  update refresh_tokens r set revoked_at = coalesce(r.revoked_at, now())
  from cur where r.family_id = cur.family_id and (cur.used_at is not null or cur.revoked_at is not null)
  returning 1
)
select cur.used_at is not null as was_used, cur.revoked_at is not null as was_revoked,
       (select count(*) from fresh)::int as issued,
       u.id, u.email, u.display_name, u.role, u.locale, u.email_verified_at, u.created_at
from cur cross join relaxed left join users u on u.id = cur.user_id`;

/**
 * Rotates a refresh token: marks it used and issues its successor in the same family. A token
 * presented a second time revokes every token of its family (someone else holds a copy).
 * Answers the account too (without its password hash), so a resume costs one round trip.
 */
export async function rotateRefreshToken(
  pool: Queryable,
  token: string,
  ttlSeconds: number,
): Promise<{ user: SessionUserRow; token: string; expiresAt: Date }> {
  const next = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const { rows } = await pool.query<
    { was_used: boolean; was_revoked: boolean; issued: number } & {
      [K in keyof SessionUserRow]: SessionUserRow[K] | null;
    }
  >({
    name: 'rotate-refresh-token',
    text: ROTATE,
    values: [hashToken(token), hashToken(next), expiresAt],
  });
  const row = rows[0];
  if (!row) throw new AppError('AUTH_REFRESH_INVALID');
  if (row.was_used) throw new AppError('AUTH_REFRESH_REUSED');
  if (row.was_revoked || row.issued !== 1) throw new AppError('AUTH_REFRESH_INVALID');
  if (row.id === null) throw new AppError('AUTH_REFRESH_INVALID', { internal: 'user vanished' });
  const user: SessionUserRow = {
    id: row.id,
    email: row.email as string,
    display_name: row.display_name as string,
    role: row.role as SessionUserRow['role'],
    locale: row.locale as SessionUserRow['locale'],
    email_verified_at: row.email_verified_at,
    created_at: row.created_at as Date,
  };
  return { user, token: next, expiresAt };
}

/** Logout: revokes the family the token belongs to. Unknown tokens are ignored. */
export async function revokeRefreshFamily(db: Queryable, token: string): Promise<void> {
  await db.query(
    `update refresh_tokens set revoked_at = coalesce(revoked_at, now())
     where family_id = (select family_id from refresh_tokens where token_hash = $1)`,
    [hashToken(token)],
  );
}

/** Ends every session of a user (a new password): each refresh token is revoked. */
export async function revokeAllRefreshTokens(db: Queryable, userId: string): Promise<void> {
  await db.query(
    'update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null',
    [userId],
  );
}
