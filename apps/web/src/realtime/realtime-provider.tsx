import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ServerEventSchemas, type AckResult, type TNotification } from '@playloop/shared';
import { getPublicConfig } from '../api/public-config';
import {
  accountDeletedElsewhere,
  expireSession,
  getAccessToken,
  refreshAccessToken,
} from '../auth/session-store';
import { connectRealtime, type ConnectionStatus } from './connect-realtime';
import { RealtimeContext, type Realtime } from './realtime-context';

type AnyListener = (payload: unknown) => void;
const schemas = ServerEventSchemas as Record<
  string,
  { safeParse: (v: unknown) => { success: boolean; data?: unknown } } | undefined
>;

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
  const eventListeners = useRef(new Map<string, Set<AnyListener>>());
  const connectionRef = useRef<ReturnType<typeof connectRealtime> | null>(null);

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
          onAccountDeleted: accountDeletedElsewhere,
          onStatus: (next) => {
            setStatus(next);
            if (next === 'live') setConnectionEpoch((n) => n + 1);
          },
          onNotification: (n) => listeners.current.forEach((listener) => listener(n)),
        });
        connectionRef.current = connection;
        // Every other server event goes through one validated dispatcher.
        connection.socket.onAny((event: string, payload: unknown) => {
          const set = eventListeners.current.get(event);
          if (!set || event === 'notify:new') return;
          const parsed = schemas[event]?.safeParse(payload);
          if (!parsed?.success) return;
          set.forEach((listener) => listener(parsed.data));
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
      connectionRef.current = null;
    };
  }, [userId]);

  const subscribe = useCallback<Realtime['subscribe']>((event, listener) => {
    const set = eventListeners.current.get(event) ?? new Set<AnyListener>();
    set.add(listener as AnyListener);
    eventListeners.current.set(event, set);
    return () => {
      set.delete(listener as AnyListener);
    };
  }, []);

  const request = useCallback<Realtime['request']>(async (event, payload, timeoutMs = 8_000) => {
    const socket = connectionRef.current?.socket;
    if (!socket?.connected)
      return { ok: false, error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'Not connected.' } };
    try {
      // The typed emit needs the concrete event; the contract guarantees payload and ack match.
      const emit = socket.timeout(timeoutMs).emitWithAck as (
        e: string,
        p: unknown,
      ) => Promise<unknown>;
      return (await emit.call(socket.timeout(timeoutMs), event, payload)) as AckResult<never>;
    } catch {
      return {
        ok: false,
        error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'No answer from the server.' },
      };
    }
  }, []);

  const onNotification = useCallback((listener: (n: TNotification) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<Realtime>(
    () => ({ status, connectionEpoch, onNotification, subscribe, request }),
    [status, connectionEpoch, onNotification, subscribe, request],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
