import { useCallback, useEffect, useRef, useState } from 'react';
import { ServerEventSchemas, ZWheelSpinResult, type TWallet, type TWheelSpinResult } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { getPublicConfig } from '../../api/public-config';
import { expireSession, getAccessToken, refreshAccessToken } from '../../auth/session-store';
import { connectRealtime, type ConnectionStatus, type RealtimeSocket } from '../../realtime/connect-realtime';

const SPIN_ACK_TIMEOUT_MS = 15_000;

export interface WheelSocket {
  status: ConnectionStatus;
  /** Asks the server to spin; resolves with its draw, rejects with an `ApiError` carrying the code. */
  spin: (payload: { campaignId: string; clientSeed?: string }) => Promise<TWheelSpinResult>;
}

/**
 * The wheel page's socket. The app-wide realtime provider does not hand out its socket (yet), so
 * the page opens its own with the same connection logic (token refresh, backoff); moving to the
 * shared socket later changes only this file. `onWallet` hears `wallet:updated` from any tab.
 */
export function useWheelSocket(onWallet: (wallet: TWallet) => void): WheelSocket {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const socketRef = useRef<RealtimeSocket | null>(null);
  const onWalletRef = useRef(onWallet);
  onWalletRef.current = onWallet;

  useEffect(() => {
    let cancelled = false;
    let close: (() => void) | null = null;
    getPublicConfig()
      .then((config) => {
        if (cancelled) return;
        const connection = connectRealtime({
          url: config.realtimeUrl,
          getAccessToken,
          refreshAccessToken,
          onSessionEnded: expireSession,
          onStatus: setStatus,
          onNotification: () => undefined, // the app-wide connection shows notifications
        });
        connection.socket.on('wallet:updated', (payload: unknown) => {
          const parsed = ServerEventSchemas['wallet:updated'].safeParse(payload);
          if (parsed.success) onWalletRef.current(parsed.data);
        });
        socketRef.current = connection.socket;
        close = connection.close;
      })
      .catch(() => !cancelled && setStatus('offline'));
    return () => {
      cancelled = true;
      socketRef.current = null;
      close?.();
    };
  }, []);

  const spin = useCallback(async (payload: { campaignId: string; clientSeed?: string }) => {
    const socket = socketRef.current;
    if (!socket?.connected) throw new ApiError('NETWORK', 0, 'Not connected.');
    let ack;
    try {
      ack = await socket.timeout(SPIN_ACK_TIMEOUT_MS).emitWithAck('wheel:spin', payload);
    } catch (err) {
      throw new ApiError('NETWORK', 0, 'No answer from the server.', { cause: err });
    }
    if (!ack.ok) throw new ApiError(ack.error.code, 0, ack.error.message, ack.error.details ? { details: ack.error.details } : {});
    const parsed = ZWheelSpinResult.safeParse(ack.data);
    if (!parsed.success) throw new ApiError('INTERNAL', 0, 'Unexpected answer from the server.');
    return parsed.data;
  }, []);

  return { status, spin };
}
