import { useCallback, useEffect, useState } from 'react';
import { routes, type TNotification } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';
import { useRealtime } from '../realtime/realtime-context';

export interface NotificationsState {
  notifications: TNotification[];
  isLoading: boolean;
  error: ApiError | null;
  reload: () => void;
  /** The newest notification that arrived live, for the screen-reader announcement. */
  lastLive: TNotification | null;
}

function merge(current: TNotification[], incoming: TNotification[]): TNotification[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  for (const n of incoming) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The user's notifications: a snapshot from the api, kept current by `notify:new` pushes, and
 * re-read after every (re)connect, since a push sent while the socket was down is lost for good.
 */
export function useNotifications(): NotificationsState {
  const { connectionEpoch, onNotification } = useRealtime();
  const [notifications, setNotifications] = useState<TNotification[]>([]);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [lastLive, setLastLive] = useState<TNotification | null>(null);
  const [reloadCount, setReloadCount] = useState(0);

  useEffect(
    () =>
      onNotification((n) => {
        setNotifications((current) => merge(current, [n]));
        setLastLive(n);
      }),
    [onNotification],
  );

  useEffect(() => {
    let cancelled = false;
    apiFetch(routes.notifications)
      .then((body) => {
        if (cancelled) return;
        setNotifications((current) => merge(current, body.notifications));
        setError(null);
      })
      .catch((err: unknown) => {
        if (!cancelled)
          setError(err instanceof ApiError ? err : new ApiError('INTERNAL', 0, String(err)));
      })
      .finally(() => {
        if (!cancelled) setIsLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [connectionEpoch, reloadCount]);

  const reload = useCallback(() => {
    setIsLoading(true);
    setReloadCount((n) => n + 1);
  }, []);

  return { notifications, isLoading, error, reload, lastLive };
}
