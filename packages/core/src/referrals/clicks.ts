import { randomUUID } from 'node:crypto';
import { withTransaction, type Pool } from '../db/pool.js';
import type { Redis } from '../redis/client.js';
import { luaScript } from '../redis/lua-script.js';

// One round trip per click: count it, and count the visitor once per code and day.
const RECORD_CLICK = luaScript(`
redis.call('HINCRBY', KEYS[1], 'c|' .. ARGV[1], 1)
if redis.call('SADD', KEYS[2], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[1], 'u|' .. ARGV[1], 1)
  redis.call('EXPIRE', KEYS[2], 172800)
end
return 1`);

// Moves the pending counters into a named batch and remembers the batch, atomically.
const SEAL_BATCH = luaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 1`);

// A landing view (the invite page fetched its data): counted like a click, under its own field.
const RECORD_VIEW = luaScript(`redis.call('HINCRBY', KEYS[1], 'l|' .. ARGV[1], 1) return 1`);

const day = (d = new Date()) => d.toISOString().slice(0, 10);

/**
 * Invite-link click counting: the hot path touches Redis only; the worker flushes sealed batches
 * to Postgres. A batch stays in Redis until its counts have committed together with its id, so a
 * process that dies between flushes loses nothing, and a batch flushed twice counts once.
 */
export function createClickCounter(deps: { redis: Redis; prefix: string }) {
  const pendingKey = `${deps.prefix}clicks:pending`;
  const batchesKey = `${deps.prefix}clicks:batches`;
  const batchKey = (id: string) => `${deps.prefix}clicks:batch:${id}`;

  return {
    async record(code: string, visitorId: string, now = new Date()): Promise<void> {
      const d = day(now);
      await RECORD_CLICK(
        deps.redis,
        [pendingKey, `${deps.prefix}clicks:uv:${code}:${d}`],
        [`${code}|${d}`, visitorId],
      );
    },

    async recordLandingView(code: string, now = new Date()): Promise<void> {
      await RECORD_VIEW(deps.redis, [pendingKey], [`${code}|${day(now)}`]);
    },

    /** Seals what is pending into a batch and flushes every unflushed batch; returns clicks flushed. */
    async flush(pool: Pool): Promise<number> {
      const sealed = randomUUID();
      await SEAL_BATCH(deps.redis, [pendingKey, batchKey(sealed), batchesKey], [sealed]);
      let flushed = 0;
      for (const id of await deps.redis.smembers(batchesKey)) {
        const counts = await deps.redis.hgetall(batchKey(id));
        const rows = new Map<
          string,
          { code: string; day: string; clicks: number; uniques: number; views: number }
        >();
        for (const [field, value] of Object.entries(counts)) {
          const [kind, code, d] = field.split('|') as [string, string, string];
          const row = rows.get(`${code}|${d}`) ?? { code, day: d, clicks: 0, uniques: 0, views: 0 };
          if (kind === 'c') row.clicks += Number(value);
          else if (kind === 'u') row.uniques += Number(value);
          else row.views += Number(value);
          rows.set(`${code}|${d}`, row);
        }
        const list = [...rows.values()];
        await withTransaction(pool, async (tx) => {
          const fresh = await tx.query(
            'insert into referral_click_flushes (batch_id) values ($1) on conflict do nothing returning batch_id',
            [id],
          );
          if (!fresh.rows[0] || list.length === 0) return;
          // Codes unknown to Postgres (deleted since the click) are dropped by the join.
          await tx.query(
            `insert into referral_click_counts (code, day, clicks, unique_visitors, landing_views)
             select v.code, v.day::date, v.clicks, v.uniques, v.views
             from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[]) as v(code, day, clicks, uniques, views)
             join referral_codes rc on rc.code = v.code
             on conflict (code, day) do update set clicks = referral_click_counts.clicks + excluded.clicks,
               unique_visitors = referral_click_counts.unique_visitors + excluded.unique_visitors,
               landing_views = referral_click_counts.landing_views + excluded.landing_views`,
            [
              list.map((r) => r.code),
              list.map((r) => r.day),
              list.map((r) => r.clicks),
              list.map((r) => r.uniques),
              list.map((r) => r.views),
            ],
          );
          flushed += list.reduce((s, r) => s + r.clicks, 0);
        });
        await deps.redis.multi().del(batchKey(id)).srem(batchesKey, id).exec();
      }
      return flushed;
    },
  };
}
export type ClickCounter = ReturnType<typeof createClickCounter>;
