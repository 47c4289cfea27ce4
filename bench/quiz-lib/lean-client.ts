// A bench-only Socket.IO client: the Engine.IO v4 / Socket.IO v5 wire protocol spoken over the
// same `ws` client the plain baseline uses, so both servers are measured with the same client
// cost. Ten thousand `socket.io-client` instances in the bench's own process cost more CPU than
// the server they measure on a 2-core machine (reconnection managers, timers, event emitters per
// socket); this keeps only what a player needs: handshake with auth, ping/pong, events, acks.
// Text packets only (the realtime server uses the default parser, no binary in the quiz).
import { WebSocket } from 'ws';

/** `receivedAt`: when the frame arrived, taken before any parsing, as the plain ws client does. */
type Listener = (data: unknown, receivedAt: number) => void;

export interface BenchSocket {
  on(event: string, fn: Listener): void;
  emitWithAck(event: string, data: unknown, timeoutMs: number): Promise<unknown>;
  close(): void;
}

export class LeanSocket implements BenchSocket {
  private readonly ws: WebSocket;
  private readonly listeners = new Map<string, Listener>();
  private readonly acks = new Map<number, (value: unknown) => void>();
  private nextAckId = 0;

  private constructor(ws: WebSocket) {
    this.ws = ws;
  }

  /** Resolves once the namespace handshake (with `auth`) is accepted; rejects on refusal. */
  static connect(origin: string, auth: Record<string, unknown>, timeoutMs = 20_000) {
    const url = `${origin.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const socket = new LeanSocket(ws);
    return new Promise<LeanSocket>((resolve, reject) => {
      const timer = setTimeout(() => (ws.terminate(), reject(new Error('timeout'))), timeoutMs);
      const fail = (err: Error) => (clearTimeout(timer), reject(err));
      ws.once('error', fail);
      ws.on('message', (raw) => {
        const receivedAt = Date.now();
        const text = String(raw);
        switch (text[0]) {
          case '0': // Engine.IO open: connect to the default namespace with the auth payload.
            ws.send(`40${JSON.stringify(auth)}`);
            return;
          case '2': // Engine.IO ping from the server.
            ws.send('3');
            return;
          case '4':
            if (text[1] === '0') {
              clearTimeout(timer);
              ws.off('error', fail);
              resolve(socket);
            } else if (text[1] === '4') fail(new Error(`connect_error ${text.slice(2)}`));
            else if (text[1] === '2') socket.onEvent(text.slice(2), receivedAt);
            else if (text[1] === '3') socket.onAck(text.slice(2));
        }
      });
    });
  }

  on(event: string, fn: Listener): void {
    this.listeners.set(event, fn);
  }

  emitWithAck(event: string, data: unknown, timeoutMs: number): Promise<unknown> {
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => (this.acks.delete(id), reject(new Error('ack timeout'))),
        timeoutMs,
      );
      this.acks.set(id, (value) => (clearTimeout(timer), resolve(value)));
      this.ws.send(`42${id}${JSON.stringify([event, data])}`);
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private onEvent(body: string, receivedAt: number): void {
    const [event, data] = JSON.parse(body) as [string, unknown];
    this.listeners.get(event)?.(data, receivedAt);
  }

  private onAck(body: string): void {
    const bracket = body.indexOf('[');
    const id = Number(body.slice(0, bracket));
    const [value] = JSON.parse(body.slice(bracket)) as [unknown];
    const resolve = this.acks.get(id);
    this.acks.delete(id);
    resolve?.(value);
  }
}

/** The same interface over the real `socket.io-client`, for `--client=socket.io-client`. */
export async function connectSocketIoClient(
  origin: string,
  auth: Record<string, unknown>,
): Promise<BenchSocket> {
  const { io } = await import('socket.io-client');
  const s = io(origin, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth,
    timeout: 20_000,
  });
  await new Promise<void>(
    (resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)),
  );
  return {
    on: (event, fn) => void s.on(event, (data: unknown) => fn(data, Date.now())),
    emitWithAck: (event, data, timeoutMs) => s.timeout(timeoutMs).emitWithAck(event, data),
    close: () => void s.close(),
  };
}
