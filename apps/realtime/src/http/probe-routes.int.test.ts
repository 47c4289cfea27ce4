import { issueAccessToken } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  withDatabase,
  type TestDatabase,
} from '@playloop/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../../test/clients.js';
import { insertTestUser, realtimeTestEnv, TEST_JWT_SECRET } from '../../test/env.js';
import { startInProcessRealtime, type InProcessRealtime } from '../../test/in-process.js';

describe('GET /healthz, /readyz, /metrics', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  let server: InProcessRealtime;
  let noDatabase: InProcessRealtime;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const base = { databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix };
    server = await startInProcessRealtime(realtimeTestEnv(base));
    // A pod whose Postgres is unreachable (the database does not exist): alive, but not ready.
    noDatabase = await startInProcessRealtime(
      realtimeTestEnv({ ...base, databaseUrl: withDatabase(db.url, 'pl_does_not_exist') }),
    );
    const userId = await insertTestUser(db.url);
    token = issueAccessToken(
      { secret: TEST_JWT_SECRET, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 },
      { id: userId, role: 'player' },
    ).token;
  });

  afterAll(async () => {
    await server?.close();
    await noDatabase?.close();
    await redis.cleanup();
    await db?.drop();
  });

  it('/healthz is 200 whatever the dependencies say', async () => {
    for (const target of [server, noDatabase]) {
      const res = await fetch(`${target.url}/healthz`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ status: 'ok' });
    }
  });

  it('/readyz is 200 when Redis (publisher and subscriber) and Postgres answer', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { redis: 'ok', postgres: 'ok' } });
  });

  it('/readyz is 503 and names the failing dependency when Postgres does not answer', async () => {
    const res = await fetch(`${noDatabase.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'unavailable',
      checks: { redis: 'ok', postgres: 'down' },
    });
  });

  it('/metrics exposes sockets, events and process metrics in Prometheus format', async () => {
    const socket = await connectClient(server.url, { auth: { token } });
    try {
      await socket.timeout(5_000).emitWithAck('conn:ping', { sentAt: 1 });
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/^playloop_realtime_connected_sockets 1$/m);
      expect(text).toMatch(/^playloop_realtime_events_total\{event="conn:ping",outcome="ok"\} 1$/m);
      expect(text).toContain('# TYPE playloop_realtime_handshake_refusals_total counter');
      expect(text).toMatch(/^process_cpu_user_seconds_total /m);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    } finally {
      socket.close();
    }
  });

  it('answers anything else with a 404 error body', async () => {
    const unknown = await fetch(`${server.url}/admin`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    const post = await fetch(`${server.url}/healthz`, { method: 'POST' });
    expect(post.status).toBe(404);
    await post.text();
  });
});
