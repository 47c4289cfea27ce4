import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, nextEvent, type ClientOptions } from '../../test/clients.js';
import { useRealtimeWithPlayer } from '../../test/in-process.js';
import type { RealtimeSocket } from '../types.js';
import { broadcastFrame, sendPersonalFrames } from './frame-broadcast.js';

// Real socket.io-client instances against a real server: a malformed frame would make the client
// drop the connection, a reordered one would show in the order of arrival.
describe('broadcastFrame: one pre-built frame to every socket of a room', () => {
  const ctx = useRealtimeWithPlayer();
  const opened: Socket[] = [];

  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });

  const io = () => ctx.server.realtime.io;
  const serverSide = (client: Socket): RealtimeSocket => {
    const socket = io()
      .of('/')
      .sockets.get(client.id ?? '');
    if (!socket) throw new Error(`no server socket for ${client.id}`);
    return socket;
  };

  async function joined(room: string, opts: ClientOptions = {}): Promise<Socket> {
    const client = await connectClient(ctx.server.url, { auth: { token: ctx.token }, ...opts });
    opened.push(client);
    void serverSide(client).join(room);
    return client;
  }

  /** Every event `client` receives from now on, in order of arrival. */
  function record(client: Socket): Array<[string, unknown]> {
    const seen: Array<[string, unknown]> = [];
    client.onAny((event: string, payload: unknown) => seen.push([event, payload]));
    return seen;
  }

  async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // Frame lengths take three header forms: up to 125 bytes, up to 65,535, and beyond.
  it.each([
    ['a short payload', { n: 1 }],
    ['a payload with non-ASCII text', { text: 'Qual è la capitale? 🇮🇹 '.repeat(20) }],
    ['a payload over 64 KiB', { text: 'x'.repeat(70_000) }],
  ])(
    'delivers %s intact to every WebSocket client in the room, and no one else',
    async (_, payload) => {
      const room = `room-${Math.random()}`;
      const inRoom = await Promise.all([joined(room), joined(room), joined(room)]);
      const outside = await joined(`other-${Math.random()}`);
      const outsideSeen = record(outside);
      const received = inRoom.map((c) => nextEvent(c, 'quiz:lobby'));

      const result = broadcastFrame(io(), room, 'quiz:lobby', payload as never);

      expect(result).toEqual({ direct: 3, queued: 0 });
      for (const got of await Promise.all(received)) expect(got).toEqual(payload);
      for (const c of inRoom) expect(c.connected).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      expect(outsideSeen).toEqual([]);
    },
  );

  it('reaches a long-polling client through Socket.IO itself', async () => {
    const room = `room-${Math.random()}`;
    const ws = await joined(room);
    const polling = await joined(room, { transports: ['polling'] });
    const received = [nextEvent(ws, 'quiz:lobby'), nextEvent(polling, 'quiz:lobby')];

    const result = broadcastFrame(io(), room, 'quiz:lobby', { at: 1 } as never);

    expect(result).toEqual({ direct: 1, queued: 1 });
    expect(await Promise.all(received)).toEqual([{ at: 1 }, { at: 1 }]);
  });

  it('keeps the order of what was sent before and after it, even with a write in flight', async () => {
    const room = `room-${Math.random()}`;
    const client = await joined(room);
    const seen = record(client);
    const socket = serverSide(client);

    // The first emit leaves the transport busy until its write completes, so the next two wait in
    // engine.io's buffer; the broadcast must not overtake them.
    socket.emit('quiz:lobby', { seq: 1 } as never);
    socket.emit('quiz:lobby', { seq: 2 } as never);
    const during = broadcastFrame(io(), room, 'quiz:lobby', { seq: 3 } as never);
    socket.emit('quiz:lobby', { seq: 4 } as never);
    await until(() => seen.length >= 4);
    // Once everything has been written, the next broadcast goes straight to the socket.
    await new Promise((r) => setTimeout(r, 50));
    const after = broadcastFrame(io(), room, 'quiz:lobby', { seq: 5 } as never);
    socket.emit('quiz:lobby', { seq: 6 } as never);
    await until(() => seen.length >= 6);

    expect(during).toEqual({ direct: 0, queued: 1 });
    expect(after).toEqual({ direct: 1, queued: 0 });
    expect(seen.map(([, p]) => (p as { seq: number }).seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(client.connected).toBe(true);
  });

  it('gives each socket the common payload with its own field, over either transport', async () => {
    const room = `room-${Math.random()}`;
    const clients = [
      await joined(room),
      await joined(room),
      await joined(room, { transports: ['polling'] }),
    ];
    const received = clients.map((c) => nextEvent(c, 'quiz:reveal'));
    const common = { q: 2, top: [{ name: 'Zoë «Ace»', score: 1200 }], you: 'never sent' };
    const own = new Map(clients.map((c, i) => [c.id, i === 1 ? { rank: 2 } : undefined]));

    const result = sendPersonalFrames(
      io(),
      room,
      'quiz:reveal',
      common as never,
      'you' as never,
      ((socket: RealtimeSocket) => own.get(socket.id)) as never,
    );

    expect(result).toEqual({ direct: 2, queued: 1 });
    expect(await Promise.all(received)).toEqual([
      { q: 2, top: common.top, you: null },
      { q: 2, top: common.top, you: { rank: 2 } },
      { q: 2, top: common.top, you: null },
    ]);
  });

  it('splices the own field into an empty common payload', async () => {
    const room = `room-${Math.random()}`;
    const client = await joined(room);
    const received = nextEvent(client, 'quiz:reveal');
    sendPersonalFrames(io(), room, 'quiz:reveal', {} as never, 'you' as never, (() => 7) as never);
    expect(await received).toEqual({ you: 7 });
  });

  it('does nothing for a room with no socket on this pod', () => {
    expect(broadcastFrame(io(), `empty-${Math.random()}`, 'quiz:lobby', {} as never)).toEqual({
      direct: 0,
      queued: 0,
    });
  });
});
