import {
  readRoundState,
  readStandings,
  roundEvent,
  toFinalResult,
  toYourResult,
  type Logger,
  type QuizKeys,
  type Redis,
  type ServerClock,
} from '@playloop/core';
import { quizRoom } from '@playloop/shared';
import { broadcastFrame, sendPersonalFrames } from '../../conn/frame-broadcast.js';
import type { RealtimeServer, RealtimeSocket } from '../../types.js';

export interface QuizFanOutDeps {
  io: RealtimeServer;
  redis: Redis;
  keys: QuizKeys;
  clock: ServerClock;
  logger: Logger;
  /** Safety net for a missed bus message (Redis pub/sub is at-most-once). */
  resyncMs?: number;
}

/**
 * Delivers a session's state changes to the sockets of this pod. The conductor (on any pod)
 * publishes `{sessionId, version}` on the quiz bus; each pod reads the state once and emits to its
 * own sockets in the session's room: questions and lobby updates as one pre-built frame written to
 * every socket (`broadcastFrame`), reveals and results as one encoded common part with each
 * player's own result spliced in (`sendPersonalFrames`; one HMGET for all local players). Every
 * state carries a version, so a message that arrives twice or late is sent once.
 */
export function createQuizFanOut(deps: QuizFanOutDeps) {
  const { io, redis, keys } = deps;
  const announced = new Map<string, number>();
  const watched = new Set<string>();
  const sub = redis.duplicate({ enableAutoPipelining: false });
  sub.on('error', (err: Error) =>
    deps.logger.warn({ err: err.message }, 'quiz bus connection error'),
  );
  let timer: NodeJS.Timeout | undefined;

  function localSockets(room: string): RealtimeSocket[] {
    const ids = io.of('/').adapter.rooms.get(room);
    if (!ids) return [];
    const out: RealtimeSocket[] = [];
    for (const id of ids) {
      const socket = io.of('/').sockets.get(id);
      if (socket) out.push(socket);
    }
    return out;
  }

  async function deliver(sessionId: string, knownVersion?: number): Promise<void> {
    const room = quizRoom(sessionId);
    if (!io.of('/').adapter.rooms.get(room)?.size) {
      announced.delete(sessionId);
      watched.delete(sessionId);
      return;
    }
    if (knownVersion !== undefined && knownVersion <= (announced.get(sessionId) ?? 0)) return;
    const st = await readRoundState(redis, keys, sessionId);
    // `scoring` is the silent moment between deadline and reveal: nothing new to show.
    if (!st || st.phase === 'scoring' || st.version <= (announced.get(sessionId) ?? 0)) return;
    announced.set(sessionId, st.version);
    const ev = roundEvent(st, deps.clock.now());
    switch (ev.name) {
      case 'quiz:lobby':
        broadcastFrame(io, room, 'quiz:lobby', ev.payload);
        return;
      case 'quiz:question':
        broadcastFrame(io, room, 'quiz:question', ev.payload);
        return;
      case 'quiz:reveal':
      case 'quiz:ended': {
        const users = [...new Set(localSockets(room).map((s) => s.data.userId))];
        const q = ev.name === 'quiz:reveal' ? ev.q : ev.lastQ;
        const standings = await readStandings(redis, keys, sessionId, q, users);
        const mine = (socket: RealtimeSocket) => standings.get(socket.data.userId);
        if (ev.name === 'quiz:reveal')
          sendPersonalFrames(io, room, 'quiz:reveal', ev.payload, 'you', (socket) => {
            const st = mine(socket);
            return st ? toYourResult(st) : null;
          });
        else
          sendPersonalFrames(io, room, 'quiz:ended', ev.payload, 'you', (socket) => {
            const st = mine(socket);
            return st ? toFinalResult(st, ev.rewardRules) : null;
          });
      }
    }
  }

  const deliverLogged = (sessionId: string, version?: number) =>
    deliver(sessionId, version).catch((err: unknown) =>
      deps.logger.warn({ err, sessionId }, 'quiz fan-out failed'),
    );

  return {
    async start(): Promise<void> {
      sub.on('message', (_channel: string, message: string) => {
        try {
          const { sessionId, version } = JSON.parse(message) as {
            sessionId: string;
            version: number;
          };
          if (watched.has(sessionId)) deliverLogged(sessionId, version);
        } catch (err) {
          deps.logger.warn({ err }, 'unreadable quiz bus message');
        }
      });
      await sub.subscribe(keys.bus());
      timer = setInterval(() => watched.forEach((id) => deliverLogged(id)), deps.resyncMs ?? 1000);
      timer.unref();
    },
    /** A socket of this pod joined `sessionId`: from now on its changes are delivered here. */
    watch(sessionId: string): void {
      watched.add(sessionId);
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await sub.quit().catch(() => sub.disconnect());
    },
  };
}
export type QuizFanOut = ReturnType<typeof createQuizFanOut>;
