import { Emitter } from '@socket.io/redis-emitter';
import { rooms, type ServerToClientEvents } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { RealtimeNotifier } from './service.js';

/** The Socket.IO channel prefix shared by the realtime adapter and every emitter. */
export function socketIoKey(redisPrefix: string): string {
  return `${redisPrefix}socket.io`;
}

/** Lets the api and workers reach sockets on any realtime pod without a socket of their own. */
export function createRedisNotifier(redis: Redis, redisPrefix: string): RealtimeNotifier {
  const emitter = new Emitter<ServerToClientEvents>(redis, { key: socketIoKey(redisPrefix) });
  return {
    toUser(userId, event, ...args) {
      emitter.to(rooms.user(userId)).emit(event, ...args);
    },
  };
}
