import type { Role } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import { recordAudit } from './audit.js';
import type { Actor } from './campaigns-admin.js';

export async function listUsersForAdmin(db: Queryable, search: string | null, limit = 100) {
  const { rows } = await db.query(
    `select id, email, display_name, role, created_at from users
     where $1::text is null or email ilike '%' || $1 || '%' or display_name ilike '%' || $1 || '%'
     order by created_at desc limit $2`,
    [search, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as Role,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Admin only (checked by the caller's route guard, and again here: roles are the keys to everything). */
export async function changeUserRole(pool: Pool, actor: Actor, email: string, role: Role) {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ id: string; role: Role }>(
      'select id, role from users where email = $1 for update',
      [email],
    );
    const user = rows[0];
    if (!user)
      throw new AppError('NOT_FOUND', {
        details: [{ path: 'email', message: 'no account with this email' }],
      });
    if (user.id === actor.userId && role !== 'admin') {
      throw new AppError('CONFLICT', {
        message: 'You cannot remove your own admin role.',
        details: [{ path: 'role', message: 'ask another admin' }],
      });
    }
    await tx.query('update users set role = $2, updated_at = now() where id = $1', [user.id, role]);
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'user.role',
      entityType: 'user',
      entityId: user.id,
      outcome: 'ok',
      before: { role: user.role },
      after: { role },
      ip: actor.ip,
    });
    return { id: user.id, role };
  });
}
