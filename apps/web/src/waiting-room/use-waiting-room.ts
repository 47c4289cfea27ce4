import { useEffect, useState } from 'react';
import type { TWaitingRoomStatus } from '@playloop/shared';
import { ApiError } from '../api/api-error';
import { joinWaitingRoom, waitingRoomStatus } from './waiting-room-api';

export type WaitingRoomView =
  | { phase: 'joining' }
  | { phase: 'waiting'; status: TWaitingRoomStatus; isRetrying: boolean }
  | { phase: 'in' };

/**
 * Takes (or finds again) this browser's place and follows it: asks again when the server says to
 * (sooner near the front), and after a failed call waits what `Retry-After` names, else backs off.
 * Ends in `in` once admitted (or when the room is not queueing at all).
 */
export function useWaitingRoom(): WaitingRoomView {
  const [view, setView] = useState<WaitingRoomView>({ phase: 'joining' });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let last: TWaitingRoomStatus | null = null;

    const step = async (join: boolean) => {
      let delay = 1000;
      try {
        const status = join ? await joinWaitingRoom() : await waitingRoomStatus();
        failures = 0;
        if (stopped) return;
        if (status.state === 'open' || status.state === 'admitted') return setView({ phase: 'in' });
        if (status.state === 'not-joined') return step(true);
        last = status;
        setView({ phase: 'waiting', status, isRetrying: false });
        delay = status.pollAfterMs;
      } catch (err) {
        if (stopped) return;
        failures += 1;
        const named = err instanceof ApiError ? err.retryAfterMs : null;
        delay = named ?? Math.min(30_000, 1000 * 2 ** failures) * (0.5 + Math.random() / 2);
        setView(last ? { phase: 'waiting', status: last, isRetrying: true } : { phase: 'joining' });
      }
      timer = setTimeout(() => void step(last === null), Math.max(500, delay));
    };
    void step(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return view;
}
