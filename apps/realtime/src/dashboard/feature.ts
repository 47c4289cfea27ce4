import { AppError, computeFunnel, type Logger, type Pool } from '@playloop/core';
import type { TDashboardSnapshot } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { RealtimeFeature, RealtimeServer, RealtimeSocket } from '../types.js';
import { createPresence } from './presence.js';

interface Watch {
  campaignId: string;
  from?: string | undefined;
  to?: string | undefined;
}

const STAFF = new Set(['marketing', 'admin']);

/**
 * The marketing dashboard's live feed. Staff sockets watch a campaign; every `intervalMs` this pod
 * computes the figures for the sockets connected to it (one query set per campaign and range per
 * tick, however many watch) and pushes them. Postgres stays the source of every number.
 */
export function createDashboardFeature(deps: {
  pool: Pool;
  redis: Redis;
  prefix: string;
  logger: Logger;
  intervalMs?: number;
}): RealtimeFeature {
  const watchers = new Map<RealtimeSocket, Watch>();
  let io: RealtimeServer | undefined;
  let timer: NodeJS.Timeout | undefined;
  const presence = createPresence({
    redis: deps.redis,
    prefix: deps.prefix,
    countLocal: () => io?.of('/').sockets.size ?? 0,
  });

  async function snapshot(w: Watch, playersOnline: number): Promise<TDashboardSnapshot> {
    const to = w.to ? new Date(w.to) : new Date();
    const from = w.from ? new Date(w.from) : new Date(to.getTime() - 30 * 86_400_000);
    const funnel = await computeFunnel(deps.pool, w.campaignId, from, to);
    return { ...funnel, playersOnline, updatedAt: new Date().toISOString() };
  }

  async function tick(): Promise<void> {
    await presence.publish();
    if (watchers.size === 0) return;
    const online = await presence.total();
    const byKey = new Map<string, Promise<TDashboardSnapshot>>();
    for (const [socket, w] of watchers) {
      const key = `${w.campaignId}|${w.from ?? ''}|${w.to ?? ''}`;
      if (!byKey.has(key)) byKey.set(key, snapshot(w, online));
      socket.emit('dashboard:update', await (byKey.get(key) as Promise<TDashboardSnapshot>));
    }
  }

  return {
    name: 'dashboard',
    start(server) {
      io = server;
      timer = setInterval(() => {
        tick().catch((err: unknown) => deps.logger.warn({ err }, 'dashboard tick failed'));
      }, deps.intervalMs ?? 3_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await presence.leave().catch(() => undefined);
    },
    attach(socket, router) {
      router.on(socket, 'dashboard:watch', async (payload) => {
        if (!STAFF.has(socket.data.role)) throw new AppError('FORBIDDEN');
        watchers.set(socket, payload);
        return snapshot(payload, await presence.total());
      });
      router.on(socket, 'dashboard:unwatch', () => {
        watchers.delete(socket);
        return { watching: false as const };
      });
      socket.on('disconnect', () => watchers.delete(socket));
    },
  };
}
