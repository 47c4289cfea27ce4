import { useEffect, useState } from 'react';
import type { TDashboardSnapshot, TFunnel } from '@playloop/shared';
import type { ClientErrorCode } from '../../api/api-error';
import { useRealtime } from '../../realtime/realtime-context';
import { adminApi } from '../admin-api';
import { errorCodeOf } from '../use-load';

export interface DashboardRange {
  from: string;
  /** Absent: up to now, moving with every update. */
  to?: string;
}

/** Figures from the socket carry `playersOnline`; the REST fallback's do not. */
export type DashboardFigures = TFunnel &
  Partial<Pick<TDashboardSnapshot, 'playersOnline' | 'updatedAt'>>;

export interface LiveDashboard {
  figures: DashboardFigures | null;
  /** `live`: pushed every few seconds over the socket; `polling`: the socket is down, REST every 15 s. */
  mode: 'live' | 'polling';
  error: ClientErrorCode | null;
}

const POLL_MS = 15_000;
const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/**
 * Watches one campaign's figures: `dashboard:watch` answers with a snapshot and the server then
 * pushes `dashboard:update` until `dashboard:unwatch` (sent on leaving or changing the range). A
 * reconnect (new `connectionEpoch`) watches again, since the new socket starts with no watch; while
 * the socket is down the same figures come from the REST funnel, so the page never goes blank.
 */
export function useLiveDashboard(campaignId: string, range: DashboardRange): LiveDashboard {
  const { status, connectionEpoch, request, subscribe } = useRealtime();
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const isLive = status === 'live';

  useEffect(() => {
    let current = true;
    const accept = (next: DashboardFigures) => {
      if (!current || next.campaignId !== campaignId || !sameInstant(next.from, range.from)) return;
      setFigures(next);
      setError(null);
    };
    const poll = () =>
      adminApi
        .funnel(campaignId, range.from, range.to)
        .then(accept, (err: unknown) => current && setError(errorCodeOf(err)));

    if (!isLive) {
      poll();
      const timer = setInterval(poll, POLL_MS);
      return () => {
        current = false;
        clearInterval(timer);
      };
    }
    const unsubscribe = subscribe('dashboard:update', accept);
    request('dashboard:watch', {
      campaignId,
      from: range.from,
      ...(range.to ? { to: range.to } : {}),
    }).then((ack) => {
      if (ack.ok) accept(ack.data);
      else if (current) {
        setError(ack.error.code);
        poll();
      }
    });
    return () => {
      current = false;
      unsubscribe();
      request('dashboard:unwatch', {});
    };
  }, [campaignId, range.from, range.to, isLive, connectionEpoch, request, subscribe]);

  return { figures, mode: isLive ? 'live' : 'polling', error };
}
