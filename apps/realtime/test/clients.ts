import {
  io as connect,
  type ManagerOptions,
  type Socket,
  type SocketOptions,
} from 'socket.io-client';

export type ClientOptions = Partial<ManagerOptions & SocketOptions>;

/** A client that never retries on its own, so every outcome in a test is the one asked for. */
function makeClient(url: string, opts: ClientOptions): Socket {
  return connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
    ...opts,
  });
}

/** Resolves with the socket once connected; rejects with the `connect_error`. */
export function connectClient(url: string, opts: ClientOptions = {}): Promise<Socket> {
  const socket = makeClient(url, opts);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Resolves with the `connect_error` a refused client gets; fails if the socket connects. */
export async function connectError(
  url: string,
  opts: ClientOptions = {},
): Promise<Error & { data?: { code?: string }; type?: string }> {
  try {
    const socket = await connectClient(url, opts);
    socket.close();
  } catch (err) {
    return err as Error & { data?: { code?: string } };
  }
  throw new Error('expected the connection to be refused, but it connected');
}

/** The next `event` on `socket`, or a rejection after `timeoutMs`. */
export function nextEvent<T = unknown>(
  socket: Socket,
  event: string,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, onEvent);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onEvent = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    socket.once(event, onEvent);
  });
}
