import { newId } from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { Pool } from '../../db/pool.js';
import type { Logger } from '../../logging/logger.js';
import { conductSession, type Conducting } from './conductor.js';
import type { QuizKeys } from './keys.js';
import { createLease } from './lease.js';
import type { ServerClock } from './redis-clock.js';
import {
  cancelMissedSessions,
  ensureScheduledSessions,
  listConductableSessionIds,
} from './session-repo.js';
import { settleQuizSession } from './settle-session.js';

export interface QuizHostOptions {
  pool: Pool;
  redis: Redis;
  keys: QuizKeys;
  /** Unique per process: whoever holds a session's lease conducts it. */
  holder: string;
  logger: Logger;
  clock: ServerClock;
  /** Lease time to live; a dead conductor is replaced within about this long. */
  leaseMs: number;
  /** How often this pod looks for sessions without a conductor. */
  tickMs: number;
  flagBelowMs: number;
  /** How often the session list is read from Postgres (leases are tried every tick). */
  pollMs?: number;
  onFirstGame?(userIds: string[]): Promise<void>;
  /** Players just paid a session's reward (see `SettleDeps.onRewarded`). */
  onRewarded?(userIds: string[]): Promise<void>;
}

interface Held {
  conducting: Conducting;
  renewTimer: NodeJS.Timeout;
}

/**
 * Runs on every realtime pod. Each tick it tries to take the lease of every session that should
 * be conducted and is not conducted here; the pod that gets a lease conducts that session and
 * renews the lease (compare-and-extend) every third of its lifetime. A pod that stops renewing
 * (crash, partition, a long stall) loses the lease and another pod's tick takes over.
 */
export function createQuizHost(opts: QuizHostOptions) {
  const lease = createLease(opts.redis, { holder: opts.holder, ttlMs: opts.leaseMs });
  const held = new Map<string, Held>();
  const pollMs = opts.pollMs ?? 2000;
  let conductable: string[] = [];
  let lastPoll = 0;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let ticking = false;

  function letGo(sessionId: string): void {
    const h = held.get(sessionId);
    if (!h) return;
    clearInterval(h.renewTimer);
    h.conducting.stop();
    held.delete(sessionId);
  }

  function conduct(sessionId: string): void {
    const leaseKey = opts.keys.lease(sessionId);
    let lastRenewed = Date.now();
    const renewTimer = setInterval(
      () => {
        lease.renew(leaseKey).then(
          (ok) => {
            if (ok) lastRenewed = Date.now();
            else {
              opts.logger.warn({ sessionId }, 'quiz lease lost; another pod conducts now');
              letGo(sessionId);
            }
          },
          (err: unknown) => {
            opts.logger.warn({ err, sessionId }, 'quiz lease renewal failed');
            // Without Redis for a whole lease period we must assume someone else has it.
            if (Date.now() - lastRenewed >= opts.leaseMs) letGo(sessionId);
          },
        );
      },
      Math.max(100, Math.floor(opts.leaseMs / 3)),
    );
    const conducting = conductSession(
      {
        ...opts,
        settle: (session, lastQ) => settleQuizSession(opts, session, lastQ),
      },
      sessionId,
    );
    held.set(sessionId, { conducting, renewTimer });
    conducting.done.finally(() => {
      if (held.get(sessionId)?.conducting !== conducting) return;
      letGo(sessionId);
      lease.release(leaseKey).catch(() => undefined);
    });
  }

  async function tick(): Promise<void> {
    if (Date.now() - lastPoll >= pollMs) {
      lastPoll = Date.now();
      await cancelMissedSessions(opts.pool);
      await ensureScheduledSessions(opts.pool, () => newId('qzs'));
      conductable = await listConductableSessionIds(opts.pool);
      await opts.clock.sync();
    }
    for (const sessionId of conductable) {
      if (!running || held.has(sessionId)) continue;
      if (!(await lease.acquire(opts.keys.lease(sessionId)))) continue;
      // Stopped while the lease was on its way: hand it straight back rather than conduct.
      if (running) conduct(sessionId);
      else await lease.release(opts.keys.lease(sessionId));
    }
  }

  function schedule(): void {
    if (!running) return;
    timer = setTimeout(() => {
      if (ticking) return schedule();
      ticking = true;
      tick()
        .catch((err: unknown) => opts.logger.warn({ err }, 'quiz host tick failed'))
        .finally(() => {
          ticking = false;
          schedule();
        });
    }, opts.tickMs);
  }

  return {
    start(): void {
      running = true;
      schedule();
    },
    /** Sessions this pod conducts right now. */
    conducted(): string[] {
      return [...held.keys()];
    },
    /** Stops conducting and hands every lease back, so another pod takes over at its next tick. */
    async stop(): Promise<void> {
      running = false;
      clearTimeout(timer);
      const ids = [...held.keys()];
      const waits = ids.map((id) => held.get(id)?.conducting.done);
      ids.forEach(letGo);
      await Promise.allSettled(waits);
      await Promise.allSettled(ids.map((id) => lease.release(opts.keys.lease(id))));
    },
  };
}
export type QuizHost = ReturnType<typeof createQuizHost>;
