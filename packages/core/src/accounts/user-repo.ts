import { newId, type Role, type TLocale, type TUser } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: TLocale;
  password_hash: string | null;
  email_verified_at: Date | null;
  created_at: Date;
}

export const USER_COLUMNS =
  'id, email, display_name, role, locale, password_hash, email_verified_at, created_at';

export function toUser(row: Omit<UserRow, 'password_hash'>): TUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from users where email = $1`, [
    email,
  ]);
  return rows[0] ?? null;
}

export async function isEmailVerified(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query(
    'select 1 from users where id = $1 and email_verified_at is not null',
    [id],
  );
  return rows.length > 0;
}

/** Inserts a local account; returns null when the email is taken (unique violation). */
export async function insertLocalUser(
  db: Queryable,
  input: { email: string; displayName: string; locale: TLocale; passwordHash: string },
): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `insert into users (id, email, display_name, locale, password_hash, auth_provider)
     values ($1, $2, $3, $4, $5, 'local')
     on conflict (email) do nothing
     returning ${USER_COLUMNS}`,
    [newId('usr'), input.email, input.displayName, input.locale, input.passwordHash],
  );
  return rows[0] ?? null;
}

/** Finds or creates the user behind a Supabase Auth subject (first sight provisions). */
export async function upsertSupabaseUser(
  db: Queryable,
  subject: string,
  email: string | null,
): Promise<UserRow> {
  const safeEmail = (email ?? `${subject}@users.supabase.invalid`).toLowerCase();
  const { rows } = await db.query<UserRow>(
    `insert into users (id, email, display_name, auth_provider, external_subject, email_verified_at)
     values ($1, $2, $3, 'supabase', $4, now())
     on conflict (external_subject) do update set updated_at = users.updated_at
     returning ${USER_COLUMNS}`,
    [newId('usr'), safeEmail, safeEmail.split('@')[0]?.slice(0, 40) || 'player', subject],
  );
  return rows[0] as UserRow;
}

export async function setUserRole(
  db: Queryable,
  email: string,
  role: Role,
): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `update users set role = $2, updated_at = now() where email = $1 returning ${USER_COLUMNS}`,
    [email.toLowerCase(), role],
  );
  return rows[0] ?? null;
}

/** Changes what a player may change about themselves; null when the account is gone. */
export async function updateUserProfile(
  db: Queryable,
  id: string,
  change: { displayName?: string | undefined; locale?: TLocale | undefined },
): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `update users set display_name = coalesce($2, display_name), locale = coalesce($3, locale),
       updated_at = now()
     where id = $1 returning ${USER_COLUMNS}`,
    [id, change.displayName ?? null, change.locale ?? null],
  );
  return rows[0] ?? null;
}
