import { AppError } from '../../errors/app-error.js';
import type { Queryable } from '../../db/pool.js';
import type { TWheelSegment } from '@playloop/shared';

/** One published wheel version, ready to draw from. */
export interface LoadedWheel {
  campaignId: string;
  version: number;
  segments: TWheelSegment[];
  weights: number[];
  fallbackIndex: number;
}

/** The campaign's current (highest) wheel version, or null when it has none. */
export async function loadCurrentWheel(
  db: Queryable,
  campaignId: string,
): Promise<LoadedWheel | null> {
  const { rows } = await db.query<{
    version: number;
    segments: TWheelSegment[];
    weights: number[];
    fallback_index: number;
  }>(
    `select version, segments, weights, fallback_index from wheel_versions
     where campaign_id = $1 order by version desc limit 1`,
    [campaignId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    campaignId,
    version: r.version,
    segments: r.segments,
    weights: r.weights,
    fallbackIndex: r.fallback_index,
  };
}

/** Remaining stock per segment index of one version; unlimited segments are absent. */
export async function loadStock(
  db: Queryable,
  campaignId: string,
  version: number,
): Promise<Map<number, number>> {
  const { rows } = await db.query<{ segment_index: number; remaining: number }>(
    'select segment_index, remaining from wheel_stock where campaign_id = $1 and version = $2',
    [campaignId, version],
  );
  return new Map(rows.map((r) => [r.segment_index, r.remaining]));
}

/**
 * Throws NOT_FOUND for an unknown campaign and CAMPAIGN_NOT_ACTIVE for one that is not running
 * now (draft, paused, ended, or outside its dates): nobody spins or claims spins there.
 */
export async function assertCampaignRunning(db: Queryable, campaignId: string): Promise<void> {
  const { rows } = await db.query<{ running: boolean }>(
    `select status = 'active' and starts_at <= now() and (ends_at is null or ends_at > now()) as running
     from campaigns where id = $1`,
    [campaignId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', { internal: `campaign ${campaignId}` });
  if (!rows[0].running) throw new AppError('CAMPAIGN_NOT_ACTIVE');
}

/** The current wheel, or NOT_FOUND (the campaign exists but has no wheel). */
export async function requireCurrentWheel(db: Queryable, campaignId: string): Promise<LoadedWheel> {
  const wheel = await loadCurrentWheel(db, campaignId);
  if (!wheel)
    throw new AppError('NOT_FOUND', {
      message: 'This campaign has no wheel.',
      internal: `no wheel for ${campaignId}`,
    });
  return wheel;
}
