import type { ServerToClientEvents } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { RealtimeNotifier } from './service.js';

/** The Socket.IO channel prefix of the realtime pods' Redis adapter (pod-to-pod broadcasts). */
export function socketIoKey(redisPrefix: string): string {
  return `${redisPrefix}socket.io`;
}

/** The channel on which the api and workers hand user events to every realtime pod. */
export function userBusChannel(redisPrefix: string): string {
  return `${redisPrefix}user-bus`;
}

/** One event for one user's room: `[userId, event, args]`; a bus message is a JSON array of them. */
export type UserBusItem = [userId: string, event: string, args: unknown[]];

/**
 * Lets the api and workers reach a user's sockets on any realtime pod without a socket of their
 * own. Events addressed in the same turn of the event loop travel together: one PUBLISH of a JSON
 * array (up to `maxPerMessage` events) instead of one Socket.IO emitter message each, so a burst of
 * rewards costs the worker, Redis and every pod one message per batch. Each pod delivers the events
 * of users it holds sockets for (`apps/realtime/src/user-bus.ts`). Like any Redis pub/sub, at most
 * once: the database is the truth, a push is a courtesy a client may miss.
 */
export function createRedisNotifier(
  redis: Redis,
  redisPrefix: string,
  opts: { maxPerMessage?: number; onError?: (err: unknown) => void } = {},
): RealtimeNotifier {
  const channel = userBusChannel(redisPrefix);
  const max = opts.maxPerMessage ?? 500;
  let queue: UserBusItem[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const items = queue;
    queue = [];
    for (let i = 0; i < items.length; i += max)
      redis
        .publish(channel, JSON.stringify(items.slice(i, i + max)))
        .catch((err: unknown) => opts.onError?.(err));
  };
  return {
    toUser<E extends keyof ServerToClientEvents>(
      userId: string,
      event: E,
      ...args: Parameters<ServerToClientEvents[E]>
    ) {
      queue.push([userId, event, args]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
  };
}
