import type { Redis } from 'ioredis';

/** What `/readyz` needs from Postgres: one round-trip. */
export interface SqlPinger {
  query(sql: string): Promise<unknown>;
}

export interface ReadinessDeps {
  pubClient: Redis;
  subClient: Redis;
  pool: SqlPinger;
  timeoutMs?: number;
}

export type CheckStatus = 'ok' | 'down';
export interface ReadinessReport {
  ready: boolean;
  checks: { redis: CheckStatus; postgres: CheckStatus };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probe(check: () => Promise<unknown>, ms: number): Promise<CheckStatus> {
  try {
    await withTimeout(check(), ms);
    return 'ok';
  } catch {
    return 'down';
  }
}

/**
 * Ready when Redis and Postgres answer. The subscriber is pinged too: it proves the adapter's
 * connection is alive, and because Redis answers a connection's commands in order, its PONG also
 * proves the adapter's earlier PSUBSCRIBE took effect, so broadcasts from other pods will arrive.
 * A bounded timeout keeps a hung dependency from hanging the probe (ioredis queues while offline).
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<ReadinessReport> {
  const ms = deps.timeoutMs ?? 1_000;
  const redisUp = (client: Redis) =>
    client.status === 'ready' ? client.ping() : Promise.reject(new Error(client.status));
  const [pub, sub, postgres] = await Promise.all([
    probe(() => redisUp(deps.pubClient), ms),
    probe(() => redisUp(deps.subClient), ms),
    probe(() => deps.pool.query('select 1'), ms),
  ]);
  const redis: CheckStatus = pub === 'ok' && sub === 'ok' ? 'ok' : 'down';
  return { ready: redis === 'ok' && postgres === 'ok', checks: { redis, postgres } };
}
