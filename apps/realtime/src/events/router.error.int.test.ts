import type { AckResult } from '@playloop/shared';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, nextEvent } from '../../test/clients.js';
import { metricValue, useRealtimeWithPlayer } from '../../test/in-process.js';

type Ack = AckResult<unknown>;

/** Default limits (20 events/s, burst 40, 5 strikes, 16 KiB payloads): the production behaviour. */
describe('event router: validation, unknown events, rate limits, abuse', () => {
  const ctx = useRealtimeWithPlayer();
  const opened: Socket[] = [];

  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });

  async function client(): Promise<Socket> {
    const socket = await connectClient(ctx.server.url, { auth: { token: ctx.token } });
    opened.push(socket);
    return socket;
  }

  const send = (socket: Socket, event: string, ...args: unknown[]): Promise<Ack> =>
    socket.timeout(5_000).emitWithAck(event, ...args);

  it('answers conn:ping with the server time', async () => {
    const socket = await client();
    const before = Date.now();
    const ack = await send(socket, 'conn:ping', { sentAt: before });
    expect(ack).toEqual({ ok: true, data: { serverTime: expect.any(Number) } });
    if (ack.ok)
      expect((ack.data as { serverTime: number }).serverTime).toBeGreaterThanOrEqual(before);
  });

  it.each<[string, unknown[], string]>([
    ['a wrong field type', [{ sentAt: 'soon' }], 'sentAt'],
    ['an unexpected extra field', [{ sentAt: 1, admin: true }], '(root)'],
    ['a non-finite number', [{ sentAt: null }], 'sentAt'],
    ['a string instead of an object', ['ping'], '(root)'],
    ['no payload at all', [], '(root)'],
    ['two payloads', [{ sentAt: 1 }, { sentAt: 2 }], '(root)'],
  ])('refuses %s with VALIDATION_FAILED and field details', async (_, args, path) => {
    const socket = await client();
    const ack = await send(socket, 'conn:ping', ...args);
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe('VALIDATION_FAILED');
    expect(ack.error.message).toBe('Some fields are not valid.');
    expect(ack.error.details?.map((d) => d.path)).toContain(path);
    expect(socket.connected).toBe(true);
  });

  it('answers an unknown event with UNKNOWN_EVENT and does not mint a metric series for its name', async () => {
    const socket = await client();
    const before = await metricValue(ctx.server.realtime, 'playloop_realtime_events_total', {
      event: '(unknown)',
      outcome: 'unknown_event',
    });
    expect(await send(socket, 'wallet:grant-myself-points', { points: 1e9 })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_EVENT', message: 'Unknown event.' },
    });
    expect(
      await metricValue(ctx.server.realtime, 'playloop_realtime_events_total', {
        event: '(unknown)',
        outcome: 'unknown_event',
      }),
    ).toBe(before + 1);
    expect(
      await metricValue(ctx.server.realtime, 'playloop_realtime_events_total', {
        event: 'wallet:grant-myself-points',
      }),
    ).toBe(0);
  });

  it('tolerates events sent without an ack function', async () => {
    const socket = await client();
    socket.emit('conn:ping', { sentAt: 1 });
    socket.emit('conn:ping', { sentAt: 'malformed' });
    socket.emit('quiz:unknown', {});
    expect((await send(socket, 'conn:ping', { sentAt: 2 })).ok).toBe(true);
    expect(socket.connected).toBe(true);
  });

  it('disconnects a socket after SOCKET_ABUSE_STRIKES violations within a minute', async () => {
    const socket = await client();
    const disconnected = nextEvent<string>(socket, 'disconnect');
    const codes: string[] = [];
    for (const args of [[{ sentAt: 'x' }], [{}], [{ sentAt: 1, x: 1 }], ['y']]) {
      const ack = await send(socket, 'conn:ping', ...args);
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(socket.connected).toBe(true);
    socket.emit('no:such-event', {}, (ack: Ack) => codes.push(ack.ok ? 'ok' : ack.error.code));
    // `io server disconnect`: the server dropped it on purpose, so socket.io-client will not reconnect.
    expect(await disconnected).toBe('io server disconnect');
    expect(codes).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'UNKNOWN_EVENT',
    ]);
  });

  it('rate-limits a flooding socket, then disconnects it, without touching the same user on another socket', async () => {
    const bystander = await client();
    const flooder = await client();
    const abuseBefore = await metricValue(
      ctx.server.realtime,
      'playloop_realtime_abuse_disconnects_total',
    );
    const disconnected = nextEvent<string>(flooder, 'disconnect');
    const acks: Ack[] = [];
    for (let i = 0; i < 200; i++)
      flooder.emit('conn:ping', { sentAt: i }, (ack: Ack) => acks.push(ack));

    expect(await disconnected).toBe('io server disconnect');
    const ok = acks.filter((a) => a.ok).length;
    const limited = acks.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length;
    // The burst of 40 passes (plus whatever refilled while the flood arrived); the 5th refusal disconnects.
    expect(ok).toBeGreaterThanOrEqual(40);
    expect(ok).toBeLessThan(195);
    expect(limited).toBe(5);
    expect(acks).toHaveLength(ok + limited);
    expect(
      await metricValue(ctx.server.realtime, 'playloop_realtime_abuse_disconnects_total'),
    ).toBe(abuseBefore + 1);
    expect((await send(bystander, 'conn:ping', { sentAt: 1 })).ok).toBe(true);
  });

  it('drops a socket that sends an oversized frame and keeps serving everyone else', async () => {
    const victim = await client();
    const disconnected = nextEvent<string>(victim, 'disconnect');
    victim.emit('conn:ping', { sentAt: 1, padding: 'x'.repeat(20_000) });
    expect(['transport close', 'transport error']).toContain(await disconnected);

    const fresh = await client();
    expect((await send(fresh, 'conn:ping', { sentAt: 3 })).ok).toBe(true);
    const health = await fetch(`${ctx.server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
