import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { AppError } from '@playloop/core';
import type { AckResult } from '@playloop/shared';
import { pino } from 'pino';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../../test/clients.js';
import { createRealtimeMetrics } from '../metrics/metrics.js';
import type { RealtimeServer } from '../types.js';
import { createEventRouter } from './router.js';

type Behaviour = () => { serverTime: number } | Promise<{ serverTime: number }>;

/**
 * What a failing handler looks like from the client and in the log. A bare Socket.IO server (no
 * auth, no Redis) carries the router, so a handler can be made to fail on demand.
 */
describe('event router: handler failures', () => {
  const logLines: Array<Record<string, unknown>> = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'info' }, logStream);
  let behaviour: Behaviour = () => ({ serverTime: 1 });
  let io: RealtimeServer;
  let socket: Socket;

  beforeAll(async () => {
    const httpServer = createServer();
    io = new Server(httpServer);
    const metrics = createRealtimeMetrics({ countConnectedSockets: () => io.of('/').sockets.size });
    const router = createEventRouter({
      logger,
      metrics,
      limits: { eventsPerSecond: 100, burst: 100, abuseStrikes: 2 },
    });
    io.on('connection', (s) => router.on(s, 'conn:ping', () => behaviour()));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    socket = await connectClient(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    socket?.close();
    await io?.close();
  });

  const ping = (): Promise<AckResult<unknown>> =>
    socket.timeout(5_000).emitWithAck('conn:ping', { sentAt: 1 });

  it('masks an unexpected exception as INTERNAL and logs it in full', async () => {
    behaviour = () => {
      throw new Error('connection to db-primary:5432 failed for user app (password hunter2)');
    };
    expect(await ping()).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong on our side.' },
    });
    const line = logLines.find((l) => l.msg === 'event handler failed');
    expect(line?.event).toBe('conn:ping');
    expect(JSON.stringify(line?.err)).toContain('hunter2');
    expect(JSON.stringify(line?.err)).toContain('stack');
  });

  it('masks a rejected promise the same way', async () => {
    behaviour = () => Promise.reject(new TypeError('cannot read properties of undefined'));
    expect(await ping()).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong on our side.' },
    });
  });

  it("passes an AppError's code and user-facing message through, never its internal detail", async () => {
    behaviour = () =>
      Promise.reject(
        new AppError('CONFLICT', {
          message: 'The round is already over.',
          internal: 'round rnd_1 ended at 12:00:01',
        }),
      );
    expect(await ping()).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'The round is already over.' },
    });
    behaviour = () => {
      throw new AppError('INTERNAL', {
        message: 'ledger invariant broken: balance -5',
        internal: 'x',
      });
    };
    expect(await ping()).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong on our side.' },
    });
  });

  it('does not count server-side failures as client strikes', async () => {
    // abuseStrikes is 2 here: had the failures above counted, the socket would be gone.
    expect(socket.connected).toBe(true);
    behaviour = async () => ({ serverTime: 42 });
    expect(await ping()).toEqual({ ok: true, data: { serverTime: 42 } });
  });
});
