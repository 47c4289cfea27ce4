import type { TQualifyingAction } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

export interface CampaignRules {
  id: string;
  title: string;
  description: string;
  imageUrl: string | null;
  shareText: string;
  status: 'draft' | 'scheduled' | 'active' | 'paused' | 'ended';
  startsAt: Date;
  endsAt: Date | null;
  qualifyingAction: TQualifyingAction;
  referrerPoints: number;
  refereePoints: number;
  referrerSpins: number;
  dailyCap: number | null;
  lifetimeCap: number | null;
  holdSeconds: number;
  attributionWindowDays: number;
  fraudThreshold: number;
  customEventKeyHash: string | null;
}

export async function loadCampaignRules(
  db: Queryable,
  campaignId: string,
): Promise<CampaignRules | null> {
  const { rows } = await db.query(
    `select id, title, description, image_url, share_text, status, starts_at, ends_at, qualifying_action,
            referrer_reward_points, referee_reward_points, referrer_reward_spins, referrer_daily_cap,
            referrer_lifetime_cap, hold_seconds, attribution_window_days, fraud_threshold, custom_event_key_hash
     from campaigns where id = $1`,
    [campaignId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    imageUrl: r.image_url,
    shareText: r.share_text,
    status: r.status,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    qualifyingAction: r.qualifying_action,
    referrerPoints: r.referrer_reward_points,
    refereePoints: r.referee_reward_points,
    referrerSpins: r.referrer_reward_spins,
    dailyCap: r.referrer_daily_cap,
    lifetimeCap: r.referrer_lifetime_cap,
    holdSeconds: r.hold_seconds,
    attributionWindowDays: r.attribution_window_days,
    fraudThreshold: r.fraud_threshold,
    customEventKeyHash: r.custom_event_key_hash,
  };
}

export function isCampaignRunning(
  c: Pick<CampaignRules, 'status' | 'startsAt' | 'endsAt'>,
  now = new Date(),
): boolean {
  return c.status === 'active' && c.startsAt <= now && (c.endsAt === null || c.endsAt > now);
}
