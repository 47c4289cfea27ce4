import { createContext, useContext } from 'react';
import type { TNotification } from '@playloop/shared';
import type { ConnectionStatus } from './connect-realtime';

export interface Realtime {
  status: ConnectionStatus;
  /** Bumps on every successful (re)connect: the moment to resync state that pushes may have missed. */
  connectionEpoch: number;
  onNotification: (listener: (notification: TNotification) => void) => () => void;
}

export const RealtimeContext = createContext<Realtime | null>(null);

export function useRealtime(): Realtime {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}
