import type { EventHandler } from '../events/router.js';

/**
 * `conn:ping` → `{ serverTime }`: lets a client measure round-trip time and its clock offset,
 * which game timers need because the server, not the browser, decides when a round ends.
 */
export function createPingHandler(now: () => number = Date.now): EventHandler<'conn:ping'> {
  return () => ({ serverTime: now() });
}
