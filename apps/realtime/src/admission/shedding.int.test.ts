import { issueAccessToken } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  type TestDatabase,
} from '@playloop/core/testing';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, connectError } from '../../test/clients.js';
import { insertTestUser, realtimeTestEnv, TEST_JWT_SECRET } from '../../test/env.js';
import {
  metricValue,
  startInProcessRealtime,
  type InProcessRealtime,
} from '../../test/in-process.js';

describe('connection shedding', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  let server: InProcessRealtime;
  let token: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startInProcessRealtime(
      realtimeTestEnv(
        { databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix },
        { SHED_MAX_CONNECTIONS: '2' },
      ),
    );
    const userId = await insertTestUser(db.url);
    token = issueAccessToken(
      { secret: TEST_JWT_SECRET, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 },
      { id: userId, role: 'player' },
    ).token;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
    await redis.cleanup();
    await db?.drop();
  });

  it('refuses new connections past the bound with 503 and Retry-After, while players already in keep playing', async () => {
    sockets.push(
      await connectClient(server.url, { auth: { token } }),
      await connectClient(server.url, { auth: { token } }),
    );

    // A new WebSocket is refused at the upgrade, a new long-polling session at its first request.
    const refused = await connectError(server.url, { auth: { token } });
    expect(refused.message).toMatch(/websocket error/i);
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(503);
    expect(Number(polling.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
    expect(((await polling.json()) as { error: { code: string } }).error.code).toBe('OVERLOADED');

    // The sockets already connected still get answers.
    const ack = await sockets[0]?.timeout(5000).emitWithAck('conn:ping', { sentAt: Date.now() });
    expect(ack).toMatchObject({ ok: true });

    // Probes are never shed.
    for (const probe of ['/healthz', '/readyz', '/metrics'])
      expect((await fetch(`${server.url}${probe}`)).status).toBe(200);
    expect(
      await metricValue(server.realtime, 'playloop_realtime_shed_connections_total', {
        reason: 'connections',
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it('takes new connections again once there is room', async () => {
    const leaving = sockets.shift();
    leaving?.close();
    const deadline = Date.now() + 5000;
    while (server.realtime.io.of('/').sockets.size >= 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    sockets.push(await connectClient(server.url, { auth: { token } }));
    expect(server.realtime.io.of('/').sockets.size).toBe(2);
  });
});
