import { useEffect, useState } from 'react';
import { useRealtime } from '../../realtime/realtime-context';
import { clockOffset, type PingSample } from './server-clock';

const PINGS = 4;

/**
 * This device's clock offset from the server's, measured with `conn:ping` after every
 * (re)connect; 0 until measured. Add it to `Date.now()` to get server time.
 */
export function useServerOffset(): number {
  const { connectionEpoch, status, request } = useRealtime();
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (status !== 'live') return;
    let cancelled = false;
    (async () => {
      const samples: PingSample[] = [];
      for (let i = 0; i < PINGS && !cancelled; i++) {
        const sentAt = Date.now();
        const ack = await request('conn:ping', { sentAt });
        if (ack.ok)
          samples.push({ sentAt, receivedAt: Date.now(), serverTime: ack.data.serverTime });
      }
      const measured = clockOffset(samples);
      if (!cancelled && measured !== null) setOffset(measured);
    })();
    return () => {
      cancelled = true;
    };
  }, [connectionEpoch, status, request]);
  return offset;
}

/** Server time, re-rendering every `everyMs` while `active`. */
export function useServerNow(offset: number, active: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    if (!active) return;
    const id = setInterval(() => setNow(Date.now() + offset), everyMs);
    return () => clearInterval(id);
  }, [offset, active, everyMs]);
  return now;
}
