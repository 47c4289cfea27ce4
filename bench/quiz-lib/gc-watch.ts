// Garbage-collection pauses of the bench's own process, to tell a slow round caused by the
// clients (a pause while 10,000 messages wait to be read) from one caused by the server.
import { performance, PerformanceObserver } from 'node:perf_hooks';

export function watchGc() {
  const pauses: Array<{ at: number; ms: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      pauses.push({ at: performance.timeOrigin + e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    /** Milliseconds of pauses overlapping [from, to] (epoch milliseconds), rounded. */
    within(from: number, to: number): number {
      const ms = pauses
        .filter((p) => p.at + p.ms >= from && p.at <= to)
        .reduce((sum, p) => sum + p.ms, 0);
      return Math.round(ms);
    },
    stop: () => observer.disconnect(),
  };
}
