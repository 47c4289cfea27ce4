import type { TLeaderboard, TRankChange } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';
import type { Redis } from '../redis/client.js';
import { luaScript } from '../redis/lua-script.js';

// score = count · 10^10 + (10^10 − 1 − seconds when the count was reached): more wins, and at
// equal counts whoever got there first ranks higher. Exact in a double up to ~900,000 per player.
const SHIFT = 1e10;
const encode = (count: number, atSeconds: number) => count * SHIFT + (SHIFT - 1 - atSeconds);
const decodeCount = (score: number) => Math.floor(score / SHIFT);

// KEYS: board, names, counted-referrals. A referral already counted changes nothing (retry-safe).
const BUMP = luaScript(`
if redis.call('SADD', KEYS[3], ARGV[4]) == 0 then return {-1, -1, -1, 0} end
local old = redis.call('ZSCORE', KEYS[1], ARGV[1])
local oldRank = redis.call('ZREVRANK', KEYS[1], ARGV[1])
local count = 1
if old then count = math.floor(tonumber(old) / 1e10) + 1 end
redis.call('ZADD', KEYS[1], string.format('%.0f', count * 1e10 + (1e10 - 1 - tonumber(ARGV[2]))), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return {count, oldRank or -1, redis.call('ZREVRANK', KEYS[1], ARGV[1]), redis.call('ZCARD', KEYS[1])}`);

/**
 * A live leaderboard per campaign in a Redis sorted set. `bump` returns the players whose rank
 * moved (the climber and everyone it passed), so only they are told.
 */
const RENAME = luaScript(
  `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end`,
);

export function createLeaderboard(deps: { redis: Redis; prefix: string }) {
  const key = (campaignId: string) => `${deps.prefix}lb:${campaignId}`;
  const namesKey = `${deps.prefix}lb:names`;

  return {
    /**
     * Counts `referralId` for `userId`, atomically and once; returns each player whose rank moved
     * and their change (nothing when the referral was already counted).
     */
    async bump(
      campaignId: string,
      userId: string,
      displayName: string,
      referralId: string,
      now = new Date(),
    ): Promise<Array<{ userId: string; change: TRankChange }>> {
      const k = key(campaignId);
      const [count, oldRank, newRank, size] = (await BUMP(
        deps.redis,
        [k, namesKey, `${k}:counted`],
        [userId, Math.floor(now.getTime() / 1000), displayName, referralId],
      )) as [number, number, number, number];
      if (count < 0) return [];
      const moved = [
        {
          userId,
          change: {
            campaignId,
            rank: newRank + 1,
            previousRank: oldRank < 0 ? null : oldRank + 1,
            score: count,
          },
        },
      ];
      // Everyone between the new rank and the old one slipped by one place (at most 100 told).
      const lastPassed = oldRank < 0 ? size - 1 : oldRank;
      if (lastPassed > newRank) {
        const passed = await deps.redis.zrevrange(
          k,
          newRank + 1,
          Math.min(lastPassed, newRank + 100),
          'WITHSCORES',
        );
        for (let i = 0; i < passed.length; i += 2) {
          const rank = newRank + 2 + i / 2;
          moved.push({
            userId: passed[i] as string,
            change: {
              campaignId,
              rank,
              previousRank: rank - 1,
              score: decodeCount(Number(passed[i + 1])),
            },
          });
        }
      }
      return moved;
    },

    /** A player renamed themselves: boards show the new name (only players already on one). */
    async rename(userId: string, displayName: string): Promise<void> {
      await RENAME(deps.redis, [namesKey], [userId, displayName]);
    },

    async read(campaignId: string, meId: string | null, limit = 10): Promise<TLeaderboard> {
      const k = key(campaignId);
      const top = await deps.redis.zrevrange(k, 0, limit - 1, 'WITHSCORES');
      const ids = top.filter((_, i) => i % 2 === 0);
      const names = ids.length ? await deps.redis.hmget(namesKey, ...ids) : [];
      const entries = ids.map((id, i) => ({
        rank: i + 1,
        displayName: names[i] ?? 'Player',
        score: decodeCount(Number(top[i * 2 + 1])),
        isMe: id === meId,
      }));
      let me: TLeaderboard['me'] = null;
      if (meId) {
        const [rank, score] = await Promise.all([
          deps.redis.zrevrank(k, meId),
          deps.redis.zscore(k, meId),
        ]);
        if (rank !== null && score !== null)
          me = { rank: rank + 1, score: decodeCount(Number(score)) };
      }
      return { campaignId, top: entries, me };
    },

    /** Rebuilds a campaign's board from Postgres (after a Redis loss): rewarded referrals per referrer. */
    async rebuild(db: Queryable, campaignId: string): Promise<void> {
      const { rows } = await db.query<{
        referrer_id: string;
        display_name: string;
        n: string;
        last: Date;
      }>(
        `select r.referrer_id, u.display_name, count(*) as n, max(r.rewarded_at) as last
         from referrals r join users u on u.id = r.referrer_id
         where r.campaign_id = $1 and r.status = 'rewarded' group by r.referrer_id, u.display_name`,
        [campaignId],
      );
      const { rows: counted } = await db.query<{ id: string }>(
        `select id from referrals where campaign_id = $1 and status = 'rewarded'`,
        [campaignId],
      );
      const m = deps.redis.multi().del(key(campaignId), `${key(campaignId)}:counted`);
      if (counted.length) m.sadd(`${key(campaignId)}:counted`, ...counted.map((r) => r.id));
      for (const r of rows) {
        m.zadd(
          key(campaignId),
          encode(Number(r.n), Math.floor(r.last.getTime() / 1000)),
          r.referrer_id,
        );
        m.hset(namesKey, r.referrer_id, r.display_name);
      }
      await m.exec();
    },
  };
}
export type Leaderboard = ReturnType<typeof createLeaderboard>;
