import type { Queryable } from '../db/pool.js';

export interface AuditInput {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  outcome: 'ok' | 'refused';
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Appends one entry to the audit trail (in the caller's transaction when given one). */
export async function recordAudit(db: Queryable, e: AuditInput): Promise<void> {
  await db.query(
    `insert into audit_log (actor_id, actor_role, action, entity_type, entity_id, outcome, reason, before, after, ip)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      e.actorId,
      e.actorRole,
      e.action,
      e.entityType,
      e.entityId ?? null,
      e.outcome,
      e.reason ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.ip && /^[0-9a-fA-F:.]+$/.test(e.ip) ? e.ip : null,
    ],
  );
}

export async function listAudit(db: Queryable, limit = 200) {
  const { rows } = await db.query(
    `select id, actor_id, actor_role, action, entity_type, entity_id, outcome, reason, before, after, at
     from audit_log order by id desc limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    outcome: r.outcome,
    reason: r.reason,
    before: r.before,
    after: r.after,
    at: r.at.toISOString(),
  }));
}
