import { issueAccessToken } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  type TestDatabase,
} from '@playloop/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, connectError } from '../../test/clients.js';
import { insertTestUser, realtimeTestEnv, TEST_JWT_SECRET } from '../../test/env.js';
import {
  metricValue,
  startInProcessRealtime,
  type InProcessRealtime,
} from '../../test/in-process.js';

const ALLOWED = 'https://play.example.com';
const transports = [['websocket'], ['polling']] as const;

describe('origin allow-list', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  let lenient: InProcessRealtime;
  let strict: InProcessRealtime;
  let token: string;
  let lenientConnections = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    const base = { databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix };
    lenient = await startInProcessRealtime(
      realtimeTestEnv(base, { ALLOWED_ORIGINS: `${ALLOWED},http://localhost:5173` }),
    );
    strict = await startInProcessRealtime(
      realtimeTestEnv(base, { ALLOWED_ORIGINS: ALLOWED, ALLOW_NO_ORIGIN: 'false' }),
    );
    lenient.realtime.io.on('connection', () => lenientConnections++);
    const userId = await insertTestUser(db.url);
    token = issueAccessToken(
      { secret: TEST_JWT_SECRET, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 },
      { id: userId, role: 'player' },
    ).token;
  });

  afterAll(async () => {
    await lenient?.close();
    await strict?.close();
    await redis.cleanup();
    await db?.drop();
  });

  describe.each(transports)('over %s', (transport) => {
    it.each([
      'https://evil.example.com',
      'https://play.example.com.evil.net',
      'http://play.example.com',
      'null',
    ])('refuses Origin %s before any socket exists, even with a valid token', async (origin) => {
      const connectionsBefore = lenientConnections;
      const before = await metricValue(
        lenient.realtime,
        'playloop_realtime_handshake_refusals_total',
        { code: 'ORIGIN_NOT_ALLOWED' },
      );
      const err = await connectError(lenient.url, {
        transports: [transport],
        auth: { token },
        extraHeaders: { origin },
      });
      // A transport-level refusal (HTTP 403), not a namespace error: no token was even looked at.
      expect(err.data).toBeUndefined();
      expect(lenientConnections).toBe(connectionsBefore);
      expect(
        await metricValue(lenient.realtime, 'playloop_realtime_handshake_refusals_total', {
          code: 'ORIGIN_NOT_ALLOWED',
        }),
      ).toBe(before + 1);
    });

    it('accepts a listed Origin', async () => {
      const socket = await connectClient(lenient.url, {
        transports: [transport],
        auth: { token },
        extraHeaders: { origin: ALLOWED },
      });
      socket.close();
    });

    it('accepts a client without Origin when ALLOW_NO_ORIGIN is on (the default outside production)', async () => {
      const socket = await connectClient(lenient.url, { transports: [transport], auth: { token } });
      socket.close();
    });

    it('refuses a client without Origin when ALLOW_NO_ORIGIN is off', async () => {
      const err = await connectError(strict.url, { transports: [transport], auth: { token } });
      expect(err.data).toBeUndefined();
      const socket = await connectClient(strict.url, {
        transports: [transport],
        auth: { token },
        extraHeaders: { origin: ALLOWED },
      });
      socket.close();
    });
  });

  it('answers the polling handshake with a 403 and CORS headers only for listed origins', async () => {
    const url = `${lenient.url}/socket.io/?EIO=4&transport=polling`;
    const refused = await fetch(url, { headers: { origin: 'https://evil.example.com' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(url, { headers: { origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    await allowed.text();
  });
});
