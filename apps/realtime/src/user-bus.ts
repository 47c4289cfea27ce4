import { userBusChannel, type Logger } from '@playloop/core';
import { rooms } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { RealtimeServer } from './types.js';

/**
 * Delivers the user events the api and workers publish (see core's `createRedisNotifier`) to this
 * pod's sockets: each bus message is a JSON array of `[userId, event, args]`, and an event goes to
 * the user's room here only when this pod holds a socket of theirs, so every pod parses a batch
 * once and emits nothing for players it does not serve. Subscribes on the adapter's subscriber
 * connection: its readiness ping then also proves this subscription took effect (the adapter
 * ignores channels that are not its own).
 */
export function startUserBus(deps: {
  io: RealtimeServer;
  sub: Redis;
  redisPrefix: string;
  logger: Logger;
  onDelivered?: (count: number) => void;
}) {
  const channel = userBusChannel(deps.redisPrefix);
  const localRooms = deps.io.of('/').adapter.rooms;

  const onMessage = (from: string, message: string) => {
    if (from !== channel) return;
    let items: unknown;
    try {
      items = JSON.parse(message);
    } catch {
      deps.logger.warn({ channel }, 'malformed user bus message dropped');
      return;
    }
    if (!Array.isArray(items)) return;
    let delivered = 0;
    for (const item of items as unknown[]) {
      if (!Array.isArray(item)) continue;
      const [userId, event, args] = item as unknown[];
      if (typeof userId !== 'string' || typeof event !== 'string' || !Array.isArray(args)) continue;
      const room = rooms.user(userId);
      if (!localRooms.has(room)) continue;
      // The event names and payloads are the shared contract's; the api and workers type them.
      (deps.io.local.to(room).emit as (ev: string, ...a: unknown[]) => boolean)(event, ...args);
      delivered += 1;
      // An erased account: after telling its sockets, hang up (the transport closes once the
      // event is written).
      if (event === 'session:ended') deps.io.local.in(room).disconnectSockets(true);
    }
    deps.onDelivered?.(delivered);
  };

  deps.sub.on('message', onMessage);
  const subscribed = deps.sub.subscribe(channel).catch((err: unknown) => {
    deps.logger.error({ err }, 'user bus subscription failed');
  });
  return {
    subscribed,
    async close(): Promise<void> {
      deps.sub.off('message', onMessage);
      await deps.sub.unsubscribe(channel).catch(() => undefined);
    },
  };
}
