import type { AckResult } from '@playloop/shared';
import { io as connect, type Socket } from 'socket.io-client';

export interface Received {
  event: string;
  payload: unknown;
  at: number;
}

/**
 * A player's socket.io client that records every event it receives (for the "no answer before
 * its reveal" audit) and every ack, and lets a test wait for an event matching a predicate.
 */
export class QuizTestClient {
  readonly received: Received[] = [];
  readonly acks: { event: string; result: AckResult<unknown> }[] = [];
  private waiters: { match: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  readonly socket: Socket;

  constructor(
    readonly userId: string,
    url: string,
    token: string,
    opts: { reconnection?: boolean } = {},
  ) {
    this.socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token },
      reconnection: opts.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      randomizationFactor: 0.5,
      timeout: 5000,
    });
    this.socket.onAny((event: string, payload: unknown) => {
      const r = { event, payload, at: Date.now() };
      this.received.push(r);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(r)) return true;
        w.resolve(r);
        return false;
      });
    });
  }

  connected(timeoutMs = 10_000): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.userId} did not connect`)),
        timeoutMs,
      );
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async send<T = unknown>(event: string, payload: unknown): Promise<AckResult<T>> {
    const result = (await this.socket.timeout(10_000).emitWithAck(event, payload)) as AckResult<T>;
    this.acks.push({ event, result });
    return result;
  }

  /** Resolves with the first received event (already seen or future) that matches. */
  waitFor<T>(
    event: string,
    match: (payload: T) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<T> {
    const test = (r: Received) => r.event === event && match(r.payload as T);
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen.payload as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.userId}: no ${event} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match: test,
        resolve: (r) => (clearTimeout(timer), resolve(r.payload as T)),
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
