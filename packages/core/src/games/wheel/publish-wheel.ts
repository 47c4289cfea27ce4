import type { Role, TWheelConfig } from '@playloop/shared';
import { AppError } from '../../errors/app-error.js';
import { withTransaction, type Pool } from '../../db/pool.js';
import { recordAudit } from '../../admin/audit.js';

export interface WheelPublisher {
  userId: string;
  role: Role;
  ip?: string | null;
}

/**
 * Publishes the next version of a campaign's wheel (already validated by the shared
 * `ZWheelConfig`). Versions are immutable, so spins already made keep verifying against the
 * weights they were drawn with; the stock given here is the stock from this version on. Marketing
 * may publish on campaigns it owns, admin on any; the change is audited.
 */
export async function publishWheel(
  pool: Pool,
  actor: WheelPublisher,
  campaignId: string,
  config: TWheelConfig,
): Promise<{ campaignId: string; version: number }> {
  return withTransaction(pool, async (tx) => {
    const campaign = await tx.query<{ owner_id: string | null }>(
      'select owner_id from campaigns where id = $1 for update',
      [campaignId],
    );
    if (!campaign.rows[0]) throw new AppError('NOT_FOUND');
    const ownerId = campaign.rows[0].owner_id;
    if (actor.role !== 'admin' && !(actor.role === 'marketing' && ownerId === actor.userId))
      throw new AppError('FORBIDDEN', { internal: `campaign ${campaignId} owned by ${ownerId}` });

    // The campaign row lock above serialises publishers, so max + 1 cannot collide.
    const { rows } = await tx.query<{ next: number }>(
      'select coalesce(max(version), 0) + 1 as next from wheel_versions where campaign_id = $1',
      [campaignId],
    );
    const version = rows[0]?.next ?? 1;
    const segments = config.segments;
    await tx.query(
      `insert into wheel_versions (campaign_id, version, segments, weights, fallback_index, published_by)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        campaignId,
        version,
        JSON.stringify(segments),
        segments.map((s) => s.weight),
        segments.findIndex((s) => s.isFallback),
        actor.userId,
      ],
    );
    for (const [i, s] of segments.entries()) {
      if (s.stock === null) continue;
      await tx.query(
        'insert into wheel_stock (campaign_id, version, segment_index, initial, remaining) values ($1, $2, $3, $4, $4)',
        [campaignId, version, i, s.stock],
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'wheel.publish',
      entityType: 'campaign',
      entityId: campaignId,
      outcome: 'ok',
      after: { version, segments },
      ip: actor.ip ?? null,
    });
    return { campaignId, version };
  });
}
