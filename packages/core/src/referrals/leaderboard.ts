import type { TLeaderboard, TRankChange } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';
import type { Redis } from '../redis/client.js';
import { luaScript } from '../redis/lua-script.js';

// score = count · 10^10 + (10^10 − 1 − seconds when the count was reached): more wins, and at
// equal counts whoever got there first ranks higher. Exact in a double up to ~900,000 per player.
const SHIFT = 1e10;
const encode = (count: number, atSeconds: number) => count * SHIFT + (SHIFT - 1 - atSeconds);
const decodeCount = (score: number) => Math.floor(score / SHIFT);

// KEYS: board, names, counted-referrals. ARGV: seconds now, then (userId, displayName, referralId)
// per bump, applied in order. Each bump answers {count, oldRank, newRank, then (userId, count) of
// each player it passed, at most 100}; a referral already counted answers {-1} (retry-safe).
const BUMPS = luaScript(`
local out = {}
for i = 2, #ARGV, 3 do
  local user, name, referral = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if redis.call('SADD', KEYS[3], referral) == 0 then out[#out + 1] = {-1}
  else
    local old = redis.call('ZSCORE', KEYS[1], user)
    local oldRank = redis.call('ZREVRANK', KEYS[1], user)
    local count = 1
    if old then count = math.floor(tonumber(old) / 1e10) + 1 end
    redis.call('ZADD', KEYS[1], string.format('%.0f', count * 1e10 + (1e10 - 1 - tonumber(ARGV[1]))), user)
    redis.call('HSET', KEYS[2], user, name)
    local newRank = redis.call('ZREVRANK', KEYS[1], user)
    local r = {count, oldRank or -1, newRank}
    local lastPassed = oldRank or (redis.call('ZCARD', KEYS[1]) - 1)
    if lastPassed > newRank then
      local passed = redis.call('ZREVRANGE', KEYS[1], newRank + 1, math.min(lastPassed, newRank + 100), 'WITHSCORES')
      for j = 1, #passed, 2 do
        r[#r + 1] = passed[j]
        r[#r + 1] = math.floor(tonumber(passed[j + 1]) / 1e10)
      end
    end
    out[#out + 1] = r
  end
end
return out`);

export interface LeaderboardBump {
  userId: string;
  displayName: string;
  referralId: string;
}

export type RankMoves = Array<{ userId: string; change: TRankChange }>;

const RENAME = luaScript(
  `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end`,
);

/**
 * A live leaderboard per campaign in a Redis sorted set. `bump` returns the players whose rank
 * moved (the climber and everyone it passed), so only they are told.
 */
export function createLeaderboard(deps: { redis: Redis; prefix: string }) {
  const key = (campaignId: string) => `${deps.prefix}lb:${campaignId}`;
  const namesKey = `${deps.prefix}lb:names`;

  /**
   * `bump` for many referrals of one campaign, applied in order in one script (one round trip
   * however many): the moves of each bump, as if each had been made on its own.
   */
  async function bumpMany(
    campaignId: string,
    bumps: LeaderboardBump[],
    now = new Date(),
  ): Promise<RankMoves[]> {
    if (bumps.length === 0) return [];
    const k = key(campaignId);
    const args: Array<string | number> = [Math.floor(now.getTime() / 1000)];
    for (const b of bumps) args.push(b.userId, b.displayName, b.referralId);
    const replies = (await BUMPS(deps.redis, [k, namesKey, `${k}:counted`], args)) as Array<
      Array<string | number>
    >;
    return bumps.map((b, i) => {
      const [count, oldRank, newRank, ...passed] = replies[i] as [number, number, number];
      if (count < 0) return [];
      const moved: RankMoves = [
        {
          userId: b.userId,
          change: {
            campaignId,
            rank: newRank + 1,
            previousRank: oldRank < 0 ? null : oldRank + 1,
            score: count,
          },
        },
      ];
      // Everyone between the new rank and the old one slipped by one place (at most 100 told).
      for (let j = 0; j < passed.length; j += 2) {
        const rank = newRank + 2 + j / 2;
        moved.push({
          userId: String(passed[j]),
          change: { campaignId, rank, previousRank: rank - 1, score: Number(passed[j + 1]) },
        });
      }
      return moved;
    });
  }

  return {
    bumpMany,

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
    ): Promise<RankMoves> {
      const [moves] = await bumpMany(campaignId, [{ userId, displayName, referralId }], now);
      return moves ?? [];
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
