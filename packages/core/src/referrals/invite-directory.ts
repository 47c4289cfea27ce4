import type { TInvite } from '@playloop/shared';
import type { Pool } from '../db/pool.js';
import type { Redis } from '../redis/client.js';
import { isCampaignRunning } from './campaign-rules.js';

/** What `/r/<code>` needs, cached in Redis so a viral spike never waits on Postgres. */
export interface CachedInvite extends Omit<TInvite, 'landing'> {
  running: boolean;
  shareText: string;
  landingTitle: string;
  landingText: string;
  variants: Array<{
    id: string;
    name: string;
    weight: number;
    landingTitle: string;
    landingText: string;
  }>;
}

/**
 * Deterministic A/B assignment: the same visitor always sees the same variant of a campaign,
 * and visitors split by the variants' weights (which add up to 100).
 */
export function assignVariant(
  invite: CachedInvite,
  visitorId: string,
): CachedInvite['variants'][number] | null {
  if (invite.variants.length === 0) return null;
  let h = 2166136261;
  for (const ch of `${invite.campaign.id}:${visitorId}`)
    h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let bucket = h % 100;
  for (const v of invite.variants) {
    if (bucket < v.weight) return v;
    bucket -= v.weight;
  }
  return invite.variants[invite.variants.length - 1] ?? null;
}

const TTL_SECONDS = 300;
const MISSING = '0';
const LOCAL_MAX_ENTRIES = 10_000;

/**
 * Resolves invite codes through Redis (bounded staleness: 5 minutes, or until a campaign edit
 * invalidates it). Only a code not seen for 5 minutes costs one Postgres read, and unknown codes
 * are cached as missing too, so garbage cannot reach Postgres repeatedly. In front of Redis, each
 * process remembers what it resolved for `localTtlMs` (default 5 s, at most 10,000 codes): a viral
 * code then costs no round trip at all, and one Postgres read per process when Redis forgets it
 * (concurrent misses share one load).
 */
export function createInviteDirectory(deps: {
  pool: Pool;
  redis: Redis;
  prefix: string;
  localTtlMs?: number;
}) {
  const key = (code: string) => `${deps.prefix}invite:${code}`;
  const localTtlMs = deps.localTtlMs ?? 5_000;
  const local = new Map<string, { invite: CachedInvite | null; until: number }>();
  const loading = new Map<string, Promise<CachedInvite | null>>();

  function remember(code: string, invite: CachedInvite | null): void {
    if (localTtlMs <= 0) return;
    local.delete(code);
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (local.size >= LOCAL_MAX_ENTRIES) local.delete(local.keys().next().value as string);
    local.set(code, { invite, until: Date.now() + localTtlMs });
  }

  async function fetchAndCache(code: string): Promise<CachedInvite | null> {
    const cached = await deps.redis.get(key(code));
    if (cached !== null) return cached === MISSING ? null : (JSON.parse(cached) as CachedInvite);
    const invite = await load(code);
    await deps.redis.set(
      key(code),
      invite ? JSON.stringify(invite) : MISSING,
      'EX',
      invite ? TTL_SECONDS : 60,
    );
    return invite;
  }

  async function load(code: string): Promise<CachedInvite | null> {
    const { rows } = await deps.pool.query(
      `select rc.code, u.display_name, c.id, c.title, c.description, c.image_url, c.share_text, c.status, c.starts_at, c.ends_at,
              c.referrer_reward_points, c.referee_reward_points, c.landing_title, c.landing_text,
              coalesce((select json_agg(json_build_object('id', v.id, 'name', v.name, 'weight', v.weight,
                 'landingTitle', v.landing_title, 'landingText', v.landing_text) order by v.name)
               from campaign_variants v where v.campaign_id = c.id), '[]'::json) as variants
       from referral_codes rc join users u on u.id = rc.user_id join campaigns c on c.id = rc.campaign_id
       where rc.code = $1 and u.deleted_at is null`,
      [code],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      code: r.code,
      referrerName: r.display_name,
      campaign: { id: r.id, title: r.title, description: r.description, imageUrl: r.image_url },
      rewards: { referrerPoints: r.referrer_reward_points, refereePoints: r.referee_reward_points },
      running: isCampaignRunning({ status: r.status, startsAt: r.starts_at, endsAt: r.ends_at }),
      shareText: r.share_text,
      landingTitle: r.landing_title,
      landingText: r.landing_text,
      variants: r.variants,
    };
  }

  /** Drops the code from Redis and from this process; other processes forget it within `localTtlMs`. */
  async function forget(code: string): Promise<void> {
    local.delete(code);
    await deps.redis.del(key(code));
  }

  return {
    async resolve(code: string): Promise<CachedInvite | null> {
      const hit = local.get(code);
      if (hit && hit.until > Date.now()) return hit.invite;
      let pending = loading.get(code);
      if (!pending) {
        pending = fetchAndCache(code).finally(() => loading.delete(code));
        loading.set(code, pending);
      }
      const invite = await pending;
      remember(code, invite);
      return invite;
    },
    /** Warm the cache when a code is created, so its first click is served from Redis. */
    async warm(code: string): Promise<void> {
      const invite = await load(code);
      if (invite) await deps.redis.set(key(code), JSON.stringify(invite), 'EX', TTL_SECONDS);
      local.delete(code);
    },
    /** Drops every invite of a player (renamed: the previews name them); see `forget`. */
    async forgetOwner(userId: string): Promise<void> {
      const { rows } = await deps.pool.query<{ code: string }>(
        'select code from referral_codes where user_id = $1',
        [userId],
      );
      for (const { code } of rows) await forget(code);
    },
    forget,
  };
}
export type InviteDirectory = ReturnType<typeof createInviteDirectory>;
