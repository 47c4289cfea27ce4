import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TNotification } from '@playloop/shared';
import { getPublicConfig } from '../api/public-config';
import { expireSession, getAccessToken, refreshAccessToken } from '../auth/session-store';
import { connectRealtime, type ConnectionStatus } from './connect-realtime';
import { RealtimeContext, type Realtime } from './realtime-context';

/** Holds the signed-in user's socket for as long as they are signed in, whatever page they are on; idle when `userId` is null. */
export function RealtimeProvider({
  userId,
  children,
}: {
  userId: string | null;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [connectionEpoch, setConnectionEpoch] = useState(0);
  const listeners = useRef(new Set<(n: TNotification) => void>());

  useEffect(() => {
    if (userId === null) {
      setStatus('offline');
      return;
    }
    let connection: ReturnType<typeof connectRealtime> | null = null;
    let cancelled = false;
    setStatus('connecting');
    getPublicConfig()
      .then((config) => {
        if (cancelled) return;
        connection = connectRealtime({
          url: config.realtimeUrl,
          getAccessToken,
          refreshAccessToken,
          onSessionEnded: expireSession,
          onStatus: (next) => {
            setStatus(next);
            if (next === 'live') setConnectionEpoch((n) => n + 1);
          },
          onNotification: (n) => listeners.current.forEach((listener) => listener(n)),
        });
      })
      .catch(() => {
        if (!cancelled) setStatus('offline');
      });
    const goOffline = () => setStatus('offline');
    const backOnline = () => {
      if (connection?.socket.connected) setStatus('live');
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', backOnline);
    return () => {
      cancelled = true;
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', backOnline);
      connection?.close();
    };
  }, [userId]);

  const onNotification = useCallback((listener: (n: TNotification) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<Realtime>(
    () => ({ status, connectionEpoch, onNotification }),
    [status, connectionEpoch, onNotification],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
