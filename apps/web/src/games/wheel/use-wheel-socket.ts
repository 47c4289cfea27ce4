import { useCallback, useEffect, useRef } from 'react';
import { ZWheelSpinResult, type TWallet, type TWheelSpinResult } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import type { ConnectionStatus } from '../../realtime/connect-realtime';
import { useRealtime } from '../../realtime/realtime-context';

// Longer than the provider's default: a spin is a database transaction that may queue at a rush.
const SPIN_ACK_TIMEOUT_MS = 15_000;

export interface WheelSocket {
  status: ConnectionStatus;
  /** Asks the server to spin; resolves with its draw, rejects with an `ApiError` carrying the code. */
  spin: (payload: { campaignId: string; clientSeed?: string }) => Promise<TWheelSpinResult>;
}

/** `wheel:spin` over the app's one socket, and `wallet:updated` (from any tab) to `onWallet`. */
export function useWheelSocket(onWallet: (wallet: TWallet) => void): WheelSocket {
  const realtime = useRealtime();
  const onWalletRef = useRef(onWallet);
  onWalletRef.current = onWallet;
  const { subscribe, request } = realtime;

  useEffect(
    () => subscribe('wallet:updated', (wallet) => onWalletRef.current(wallet)),
    [subscribe],
  );

  const spin = useCallback(
    async (payload: { campaignId: string; clientSeed?: string }) => {
      const ack = await request('wheel:spin', payload, SPIN_ACK_TIMEOUT_MS);
      if (!ack.ok)
        throw new ApiError(
          ack.error.code,
          0,
          ack.error.message,
          ack.error.details ? { details: ack.error.details } : {},
        );
      const parsed = ZWheelSpinResult.safeParse(ack.data);
      if (!parsed.success) throw new ApiError('INTERNAL', 0, 'Unexpected answer from the server.');
      return parsed.data;
    },
    [request],
  );

  return { status: realtime.status, spin };
}
