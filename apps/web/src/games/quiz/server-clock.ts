/**
 * The server decides when a question ends; the browser only shows it. From `conn:ping` round
 * trips we estimate how far this device's clock is from the server's, keeping the sample with the
 * shortest round trip (the least distorted by the network).
 */
export interface PingSample {
  sentAt: number;
  receivedAt: number;
  serverTime: number;
}

export function clockOffset(samples: PingSample[]): number | null {
  let best: PingSample | null = null;
  for (const s of samples)
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  if (!best) return null;
  return Math.round(best.serverTime - (best.sentAt + best.receivedAt) / 2);
}

/** Whole seconds from `now` (server clock) until `until`, never negative. */
export function secondsLeft(until: number, serverNow: number): number {
  return Math.max(0, Math.ceil((until - serverNow) / 1000));
}

/** The moments worth announcing to a screen reader: not every second, which would drown it. */
export function isAnnouncedSecond(seconds: number, totalSeconds: number): boolean {
  if (seconds === totalSeconds || seconds === 0) return false;
  return seconds === 10 || seconds === 5 || seconds === 3 || (totalSeconds > 20 && seconds === 20);
}
