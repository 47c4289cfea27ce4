import { io, type Socket } from 'socket.io-client';
import {
  fullJitterDelay,
  HandshakeErrorCode,
  ServerEventSchemas,
  socketReconnectOptions,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type TNotification,
} from '@playloop/shared';

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeDeps {
  url: string;
  getAccessToken: () => string | null;
  /** Single-flight refresh from the session store; null if no new token could be had. */
  refreshAccessToken: () => Promise<string | null>;
  /** The session is over (a refreshed token was refused too): sign the tab out. */
  onSessionEnded: () => void;
  /** The account was erased, here or on another device. */
  onAccountDeleted: () => void;
  onStatus: (status: ConnectionStatus) => void;
  onNotification: (notification: TNotification) => void;
}

const AUTH_CODES = new Set<unknown>([
  HandshakeErrorCode.AUTH_TOKEN_EXPIRED,
  HandshakeErrorCode.AUTH_INVALID_TOKEN,
  HandshakeErrorCode.AUTH_REQUIRED,
]);

/**
 * Opens the user's realtime connection. Socket.IO's own reconnection (randomised exponential
 * backoff from the shared policy) handles dropped transports; this adds what it cannot know:
 * a refused handshake because the token expired (refresh once, reconnect, else sign out), and a
 * refusal because the server is shedding load (wait with jitter, then try again).
 */
export function connectRealtime(deps: RealtimeDeps): { socket: RealtimeSocket; close: () => void } {
  const socket: RealtimeSocket = io(deps.url, {
    ...socketReconnectOptions,
    // WebSocket first (no sticky sessions needed across pods); long-polling if it cannot open.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    autoConnect: false,
    // Called on every (re)connect, so a reconnect always presents the newest token.
    auth: (cb) => cb({ token: deps.getAccessToken() ?? '' }),
  });

  let closed = false;
  let hasRetriedAuth = false;
  let refusedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const reconnectLater = () => {
    clearTimeout(retryTimer);
    const delay = fullJitterDelay(refusedAttempts++, {
      baseDelayMs: socketReconnectOptions.reconnectionDelay,
      maxDelayMs: socketReconnectOptions.reconnectionDelayMax,
    });
    // Status stays `offline` until a connection succeeds, so the indicator does not flicker.
    retryTimer = setTimeout(
      () => {
        if (!closed) socket.connect();
      },
      Math.max(delay, 250),
    );
  };

  socket.on('connect', () => {
    hasRetriedAuth = false;
    refusedAttempts = 0;
    deps.onStatus('live');
  });

  socket.on('disconnect', () => {
    if (closed) return;
    // `active`: a dropped transport, Socket.IO reconnects by itself. Not active: the server
    // dropped this socket on purpose (repeated abuse) and asks clients not to come straight back.
    deps.onStatus(socket.active ? 'connecting' : 'offline');
  });

  socket.on('connect_error', (err: Error & { data?: { code?: unknown } }) => {
    if (closed) return;
    deps.onStatus('offline');
    // Transport-level failure: Socket.IO is already scheduling its own backoff.
    if (socket.active) return;
    const code = err.data?.code;
    if (AUTH_CODES.has(code)) {
      // A freshly refreshed token was refused as well: the session is over.
      if (hasRetriedAuth) return deps.onSessionEnded();
      deps.refreshAccessToken().then((token) => {
        if (closed) return;
        if (token) {
          hasRetriedAuth = true;
          deps.onStatus('connecting');
          socket.connect();
        } else {
          // Either the store signed out (and closes this connection) or the api was unreachable:
          // then try again later, refresh included.
          reconnectLater();
        }
      });
      return;
    }
    // OVERLOADED or anything unknown from the server: back off with jitter.
    reconnectLater();
  });

  socket.on('session:ended', (payload: unknown) => {
    if (ServerEventSchemas['session:ended'].safeParse(payload).success) deps.onAccountDeleted();
  });

  socket.on('notify:new', (payload: unknown) => {
    const parsed = ServerEventSchemas['notify:new'].safeParse(payload);
    if (parsed.success) deps.onNotification(parsed.data);
    else
      console.warn('notify:new: payload does not match the contract; ignored', parsed.error.issues);
  });

  deps.onStatus('connecting');
  socket.connect();

  return {
    socket,
    close: () => {
      closed = true;
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
