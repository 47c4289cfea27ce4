import type { Redis } from '../redis/client.js';
import { luaScript } from '../redis/lua-script.js';

// KEYS: counters; ARGV: increments (one per key), then the window in ms. Adds each increment,
// starts the window on a counter's first count, returns count and ms left per key.
const SYNC = luaScript(`
local window = tonumber(ARGV[#ARGV])
local out = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCRBY', key, ARGV[i])
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, window)
    ttl = window
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out`);

interface Counter {
  /** Count of the window as Redis last reported it (every pod's), plus what failed to sync. */
  known: number;
  /** Counted here since the last sync. */
  pending: number;
  /** Counted here and on its way to Redis. */
  sending: number;
  /** When the window ends (this process's clock). */
  resetAt: number;
}

/**
 * Fixed-window counters shared by every pod through Redis, counted locally first. A request is
 * decided from memory (what Redis said at the last sync plus what this pod counted since), so the
 * hot path makes no round trip; every `syncMs` the pod adds its counts to Redis in one script call
 * and learns everyone's totals. Several pods together can overshoot a budget by what they admit in
 * one sync interval; one pod never does. If Redis is unreachable, each pod keeps limiting on its
 * own counts rather than letting everything through or refusing everyone.
 */
export function createSharedCounters(
  redis: Redis,
  opts: { windowMs: number; syncMs?: number; maxBatch?: number },
) {
  const counters = new Map<string, Counter>();
  const dirty = new Set<string>();
  const maxBatch = opts.maxBatch ?? 500;
  let syncing: Promise<void> | null = null;

  const counter = (key: string, now: number): Counter => {
    let c = counters.get(key);
    if (!c || (now >= c.resetAt && c.pending === 0 && c.sending === 0)) {
      c = { known: 0, pending: 0, sending: 0, resetAt: now + opts.windowMs };
      counters.set(key, c);
    } else if (now >= c.resetAt) {
      // The window ended while counts were on their way: they belong to the next one.
      c.known = 0;
      c.resetAt = now + opts.windowMs;
    }
    return c;
  };

  async function syncBatch(keys: string[]): Promise<void> {
    const batch = keys.map((key) => {
      const c = counters.get(key) as Counter;
      c.sending += c.pending;
      const n = c.pending;
      c.pending = 0;
      return { key, c, n };
    });
    try {
      const reply = (await SYNC(
        redis,
        batch.map((b) => b.key),
        [...batch.map((b) => b.n), opts.windowMs],
      )) as number[];
      const now = Date.now();
      batch.forEach(({ c, n }, i) => {
        c.sending -= n;
        c.known = Number(reply[i * 2]);
        c.resetAt = now + Number(reply[i * 2 + 1]);
      });
    } catch {
      // Redis is away: keep what was counted here, so this pod goes on limiting by itself.
      for (const { c, n } of batch) {
        c.sending -= n;
        c.known += n;
      }
    }
  }

  /** Adds this pod's counts to Redis and learns every pod's; one script call per batch of keys. */
  async function sync(): Promise<void> {
    while (syncing) await syncing;
    const keys = [...dirty];
    dirty.clear();
    syncing = (async () => {
      for (let i = 0; i < keys.length; i += maxBatch) await syncBatch(keys.slice(i, i + maxBatch));
      const now = Date.now();
      for (const [key, c] of counters)
        if (now >= c.resetAt && c.pending === 0 && c.sending === 0) counters.delete(key);
    })();
    try {
      await syncing;
    } finally {
      syncing = null;
    }
  }

  const timer = setInterval(() => void sync(), opts.syncMs ?? 100);
  timer.unref();

  return {
    /**
     * Counts one hit on every key when all are within their limits and returns null; otherwise
     * counts nothing and returns the index of the first key over its limit and how long its
     * window still runs.
     */
    take(
      keys: Array<{ key: string; limit: number }>,
    ): { index: number; retryAfterMs: number } | null {
      const now = Date.now();
      const cs = keys.map(({ key }) => counter(key, now));
      for (let i = 0; i < keys.length; i += 1) {
        const c = cs[i] as Counter;
        if (c.known + c.pending + c.sending >= (keys[i]?.limit ?? 0))
          return { index: i, retryAfterMs: Math.max(0, c.resetAt - now) };
      }
      keys.forEach(({ key }, i) => {
        (cs[i] as Counter).pending += 1;
        dirty.add(key);
      });
      return null;
    },
    sync,
    close(): void {
      clearInterval(timer);
    },
  };
}
export type SharedCounters = ReturnType<typeof createSharedCounters>;
