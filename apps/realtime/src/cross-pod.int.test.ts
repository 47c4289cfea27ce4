import {
  createRedis,
  createRedisNotifier,
  issueAccessToken,
  userBusChannel,
  type Redis,
} from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  type TestDatabase,
} from '@playloop/core/testing';
import { newId, ServerEventSchemas, type TNotification } from '@playloop/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnRealtime, waitForReady, type RealtimeProcess } from '../test/child-process.js';
import { connectClient, nextEvent } from '../test/clients.js';
import { insertTestUser, realtimeTestEnv, TEST_JWT_SECRET } from '../test/env.js';

const tokens = {
  secret: TEST_JWT_SECRET,
  issuer: 'playloop',
  audience: 'playloop',
  ttlSeconds: 900,
};

function notification(title: string): TNotification {
  return {
    id: newId('ntf'),
    kind: 'system',
    title,
    body: 'cross-pod test',
    createdAt: new Date().toISOString(),
    readAt: null,
  };
}

/**
 * Two realtime pods as real child processes over one Redis. The test process plays the api/worker:
 * it has no socket, only core's Redis notifier, and must reach users on either pod.
 */
describe('cross-pod fan-out through the Redis adapter', () => {
  let db: TestDatabase;
  const redisPrefix = createTestRedisPrefix();
  let podA: RealtimeProcess;
  let podB: RealtimeProcess;
  let redis: Redis;
  const sockets: Socket[] = [];
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = realtimeTestEnv(
      { databaseUrl: db.url, redisUrl: redisPrefix.url, redisPrefix: redisPrefix.prefix },
      { LOG_LEVEL: 'warn' },
    );
    [podA, podB] = await Promise.all([spawnRealtime(env), spawnRealtime(env)]);
    await Promise.all([waitForReady(podA), waitForReady(podB)]);
    redis = createRedis(redisPrefix.url);
    [alice, bob] = await Promise.all([insertTestUser(db.url), insertTestUser(db.url)]);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    // Children are stopped by pid; SIGKILL follows if SIGTERM is not honoured in time.
    await Promise.all([podA?.stop(), podB?.stop()]);
    redis?.disconnect();
    await redisPrefix.cleanup();
    await db?.drop();
  });

  async function connectAs(pod: RealtimeProcess, userId: string): Promise<Socket> {
    const socket = await connectClient(pod.url, {
      auth: { token: issueAccessToken(tokens, { id: userId, role: 'player' }).token },
    });
    sockets.push(socket);
    return socket;
  }

  it("delivers notify:new from core's notifier to a client on pod B", async () => {
    const onB = await connectAs(podB, alice);
    const sent = notification('hello from the worker');
    const received = nextEvent<unknown>(onB, 'notify:new');
    createRedisNotifier(redis, redisPrefix.prefix).toUser(alice, 'notify:new', sent);
    expect(ServerEventSchemas['notify:new'].parse(await received)).toEqual(sent);
  });

  it('reaches the same user on pod A and pod B at once, and nobody else', async () => {
    const aliceOnA = await connectAs(podA, alice);
    const aliceOnB = await connectAs(podB, alice);
    const bobOnB = await connectAs(podB, bob);
    const bobInbox: TNotification[] = [];
    bobOnB.on('notify:new', (n: TNotification) => bobInbox.push(n));
    const notifier = createRedisNotifier(redis, redisPrefix.prefix);

    const forAlice = notification('for alice');
    const [onA, onB] = [
      nextEvent<TNotification>(aliceOnA, 'notify:new'),
      nextEvent<TNotification>(aliceOnB, 'notify:new'),
    ];
    notifier.toUser(alice, 'notify:new', forAlice);
    expect(await onA).toEqual(forAlice);
    expect(await onB).toEqual(forAlice);

    // Published after Alice's on the same connection and delivered in order by pod B, so if Bob had
    // been sent Alice's notification it would be in his inbox before his own arrives.
    const forBob = notification('for bob');
    const bobGot = nextEvent<TNotification>(bobOnB, 'notify:new');
    notifier.toUser(bob, 'notify:new', forBob);
    expect(await bobGot).toEqual(forBob);
    expect(bobInbox).toEqual([forBob]);
  });

  it('sends a burst as one bus message per 500 events, in order, and shrugs off a malformed one', async () => {
    const carol = 'usr_' + 'c'.repeat(20);
    const onA = await connectAs(podA, carol);
    const got: TNotification[] = [];
    onA.on('notify:new', (n: TNotification) => got.push(n));
    const watcher = redis.duplicate();
    const messages: string[] = [];
    await watcher.subscribe(userBusChannel(redisPrefix.prefix));
    watcher.on('message', (_ch: string, m: string) => messages.push(m));

    // Garbage on the bus (not JSON, not an array, bad items) is dropped; the pod keeps serving.
    for (const junk of ['not json', '{"a":1}', '[[1,2,3],["x"],null]'])
      await redis.publish(userBusChannel(redisPrefix.prefix), junk);
    const notifier = createRedisNotifier(redis, redisPrefix.prefix);
    const burst = Array.from({ length: 1200 }, (_, i) => notification(`burst ${i}`));
    for (const n of burst) notifier.toUser(carol, 'notify:new', n);
    await vi.waitFor(() => expect(got).toHaveLength(1200), { timeout: 10_000 });
    expect(got.map((n) => n.title)).toEqual(burst.map((n) => n.title));
    // Three junk messages, then the burst in three (500 + 500 + 200), not 1,200.
    await vi.waitFor(() => expect(messages).toHaveLength(6));
    expect(messages.slice(3).map((m) => (JSON.parse(m) as unknown[]).length)).toEqual([
      500, 500, 200,
    ]);
    await watcher.quit();
  });

  it('tells an erased account on every pod, then hangs up its sockets and nobody else', async () => {
    const dora = 'usr_' + 'd'.repeat(20);
    const onA = await connectAs(podA, dora);
    const onB = await connectAs(podB, dora);
    const bobOnA = await connectAs(podA, bob);
    const told = [
      nextEvent<unknown>(onA, 'session:ended'),
      nextEvent<unknown>(onB, 'session:ended'),
    ];
    const hungUp = [onA, onB].map(
      (socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve)),
    );
    createRedisNotifier(redis, redisPrefix.prefix).toUser(dora, 'session:ended', {
      reason: 'deleted',
    });
    for (const event of await Promise.all(told))
      expect(ServerEventSchemas['session:ended'].parse(event)).toEqual({ reason: 'deleted' });
    // A server-side disconnect: the client does not reconnect by itself.
    expect(await Promise.all(hungUp)).toEqual(['io server disconnect', 'io server disconnect']);
    expect([onA.active, onB.active]).toEqual([false, false]);
    expect(bobOnA.connected).toBe(true);
  });

  it('both pods shut down cleanly on SIGTERM', async () => {
    const [codeA, codeB] = await Promise.all([podA.stop(), podB.stop()]);
    expect({ codeA, codeB }).toEqual({ codeA: 0, codeB: 0 });
  });
});
