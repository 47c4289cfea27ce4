import { createContext, useContext } from 'react';
import type {
  AckResult,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ServerToClientEvents,
  TNotification,
} from '@playloop/shared';
import type { ConnectionStatus } from './connect-realtime';

export type ServerEventName = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

export interface Realtime {
  status: ConnectionStatus;
  /** Bumps on every successful (re)connect: the moment to resync state that pushes may have missed. */
  connectionEpoch: number;
  onNotification: (listener: (notification: TNotification) => void) => () => void;
  /** Listens to a server event; payloads are validated against the shared schema first. Returns an unsubscribe. */
  subscribe: <E extends ServerEventName>(
    event: E,
    listener: (payload: ServerPayload<E>) => void,
  ) => () => void;
  /** Sends a client event and resolves with its ack (`{ok:false}` with `TIMEOUT`-like INTERNAL when offline or slow). */
  request: <E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
    timeoutMs?: number,
  ) => Promise<AckResult<ClientAckData[E]>>;
}

export const RealtimeContext = createContext<Realtime | null>(null);

export function useRealtime(): Realtime {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}
