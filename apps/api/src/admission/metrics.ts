import type { WaitingRoom } from '@playloop/core';
import { Gauge, type Registry } from 'prom-client';

/** The waiting room in `/metrics`, read from Redis at scrape time so it cannot drift. */
export function registerWaitingRoomMetrics(registry: Registry, room: WaitingRoom): void {
  // One Redis read per scrape, shared by the gauges (prom-client collects them concurrently).
  let pending: { at: number; values: Promise<Record<string, number>> } | undefined;
  const snapshot = () => {
    if (!pending || Date.now() - pending.at > 500) {
      const values = Promise.all([room.settings(), room.counts()]).then(([s, c]) => ({
        queueing: room.isQueueingFor(s) ? 1 : 0,
        rate: s.admitPerSecond,
        waiting: c.waiting,
        joined: c.joinedTotal,
        admitted: c.admittedTotal,
      }));
      pending = { at: Date.now(), values };
    }
    return pending.values;
  };
  const gauge = (name: string, help: string, field: string) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        try {
          this.set((await snapshot())[field] ?? 0);
        } catch {
          // Redis unreachable: keep the last value; /readyz reports the outage.
        }
      },
    });
  gauge('playloop_waiting_room_queueing', '1 while new visitors are queued', 'queueing');
  gauge(
    'playloop_waiting_room_admit_per_second',
    'Configured admission rate, platform-wide',
    'rate',
  );
  gauge('playloop_waiting_room_waiting', 'Visitors waiting in the queue', 'waiting');
  gauge(
    'playloop_waiting_room_joined_total',
    'Places handed out since the queue was created',
    'joined',
  );
  gauge(
    'playloop_waiting_room_admitted_total',
    'Visitors admitted since the queue was created',
    'admitted',
  );
}
