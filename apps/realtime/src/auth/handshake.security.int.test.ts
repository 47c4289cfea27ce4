import { generateKeyPairSync } from 'node:crypto';
import { createPool, issueAccessToken } from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  type TestDatabase,
} from '@playloop/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { connectClient, connectError, nextEvent } from '../../test/clients.js';
import {
  insertTestUser,
  realtimeTestEnv,
  TEST_JWT_SECRET,
  TEST_SUPABASE_SECRET,
  TEST_SUPABASE_URL,
} from '../../test/env.js';
import {
  metricValue,
  startInProcessRealtime,
  type InProcessRealtime,
} from '../../test/in-process.js';
import { craftJwt, hmac, playloopClaims, rsaSha256, tamperSignature } from '../../test/jwt.js';
import { loadRealtimeConfig } from '../config.js';
import { createAuthenticate } from './authenticate.js';

const ownTokens = {
  secret: TEST_JWT_SECRET,
  issuer: 'playloop',
  audience: 'playloop',
  ttlSeconds: 900,
};
const HS256 = { alg: 'HS256', typ: 'JWT' };

function supabaseClaims(subject: string, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: subject,
    iss: `${TEST_SUPABASE_URL}/auth/v1`,
    aud: 'authenticated',
    role: 'authenticated',
    email: 'sb@example.test',
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
}

describe('handshake authentication', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  let server: InProcessRealtime;
  let env: Record<string, string>;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = realtimeTestEnv({ databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix });
    server = await startInProcessRealtime(env);
    userId = await insertTestUser(db.url);
  });

  afterAll(async () => {
    await server?.close();
    await redis.cleanup();
    await db?.drop();
  });

  const refusedWith = async (auth: Record<string, unknown>) =>
    (await connectError(server.url, { auth })).data?.code;

  it('accepts a valid Playloop access token and joins the user room', async () => {
    const { token } = issueAccessToken(ownTokens, { id: userId, role: 'player' });
    const socket = await connectClient(server.url, { auth: { token } });
    try {
      const [serverSocket] = await server.realtime.io.in(`user:${userId}`).fetchSockets();
      expect(serverSocket?.id).toBe(socket.id);
      expect(serverSocket?.data).toEqual({ userId, role: 'player' });
    } finally {
      socket.close();
    }
  });

  it.each([
    ['no auth at all', {}],
    ['an empty token', { token: '' }],
    ['a non-string token', { token: 12345 }],
  ])('refuses %s with AUTH_REQUIRED', async (_, auth) => {
    expect(await refusedWith(auth)).toBe('AUTH_REQUIRED');
  });

  it('refuses a token in the query string instead of auth (it would end up in access logs)', async () => {
    const { token } = issueAccessToken(ownTokens, { id: userId, role: 'player' });
    expect((await connectError(server.url, { query: { token } })).data?.code).toBe('AUTH_REQUIRED');
  });

  it('refuses an expired token with AUTH_TOKEN_EXPIRED, so the client knows to refresh', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const token = craftJwt({
      header: HS256,
      payload: playloopClaims(userId, { iat: past - 900, exp: past }),
      sign: hmac('sha256', TEST_JWT_SECRET),
    });
    expect(await refusedWith({ token })).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('lets the same client object connect after a refresh (the SPA refresh-and-retry-once path)', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const expired = craftJwt({
      header: HS256,
      payload: playloopClaims(userId, { iat: past - 900, exp: past }),
      sign: hmac('sha256', TEST_JWT_SECRET),
    });
    const socket = io(server.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: expired },
    });
    try {
      const refused = await nextEvent<Error & { data?: { code?: string } }>(
        socket,
        'connect_error',
      );
      expect(refused.data?.code).toBe('AUTH_TOKEN_EXPIRED');
      // A refusal with data is final for socket.io-client: it waits for the app to act.
      expect(socket.active).toBe(false);
      socket.auth = { token: issueAccessToken(ownTokens, { id: userId, role: 'player' }).token };
      const connected = nextEvent(socket, 'connect');
      socket.connect();
      await connected;
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
  });

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const invalidTokens: Array<[string, () => string]> = [
    ['not a JWT at all', () => 'definitely.not.a-jwt'],
    [
      'alg: none (unsigned)',
      () =>
        craftJwt({
          header: { alg: 'none', typ: 'JWT' },
          payload: playloopClaims(userId),
          sign: () => '',
        }),
    ],
    [
      'HS512 with the right secret (algorithm is pinned to HS256)',
      () =>
        craftJwt({
          header: { alg: 'HS512', typ: 'JWT' },
          payload: playloopClaims(userId),
          sign: hmac('sha512', TEST_JWT_SECRET),
        }),
    ],
    [
      'RS256 signed with some private key',
      () =>
        craftJwt({
          header: { alg: 'RS256', typ: 'JWT' },
          payload: playloopClaims(userId),
          sign: rsaSha256(privateKey),
        }),
    ],
    [
      'HS256 signed with another secret',
      () =>
        craftJwt({
          header: HS256,
          payload: playloopClaims(userId),
          sign: hmac('sha256', 'x'.repeat(48)),
        }),
    ],
    [
      'the wrong audience',
      () =>
        craftJwt({
          header: HS256,
          payload: playloopClaims(userId, { aud: 'someone-else' }),
          sign: hmac('sha256', TEST_JWT_SECRET),
        }),
    ],
    [
      'the wrong issuer',
      () =>
        craftJwt({
          header: HS256,
          payload: playloopClaims(userId, { iss: 'evil' }),
          sign: hmac('sha256', TEST_JWT_SECRET),
        }),
    ],
    [
      'a role outside the closed set',
      () =>
        craftJwt({
          header: HS256,
          payload: playloopClaims(userId, { role: 'superuser' }),
          sign: hmac('sha256', TEST_JWT_SECRET),
        }),
    ],
    [
      'no subject',
      () =>
        craftJwt({
          header: HS256,
          payload: playloopClaims(userId, { sub: undefined }),
          sign: hmac('sha256', TEST_JWT_SECRET),
        }),
    ],
    [
      'a tampered signature',
      () => tamperSignature(issueAccessToken(ownTokens, { id: userId, role: 'player' }).token),
    ],
    [
      'a payload upgraded to admin under the original signature',
      () => {
        const [header, , signature] = issueAccessToken(ownTokens, {
          id: userId,
          role: 'player',
        }).token.split('.');
        const forged = Buffer.from(
          JSON.stringify(playloopClaims(userId, { role: 'admin' })),
        ).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
    [
      'a Supabase-shaped token signed with the wrong secret',
      () =>
        craftJwt({
          header: HS256,
          payload: supabaseClaims('5b7e0c5e-1111-4a4a-8b8b-000000000001'),
          sign: hmac('sha256', 'y'.repeat(48)),
        }),
    ],
    [
      'a Supabase token whose role is not authenticated (anon key)',
      () =>
        craftJwt({
          header: HS256,
          payload: supabaseClaims('5b7e0c5e-1111-4a4a-8b8b-000000000002', { role: 'anon' }),
          sign: hmac('sha256', TEST_SUPABASE_SECRET),
        }),
    ],
    [
      'a Supabase token with the wrong audience',
      () =>
        craftJwt({
          header: HS256,
          payload: supabaseClaims('5b7e0c5e-1111-4a4a-8b8b-000000000003', { aud: 'playloop' }),
          sign: hmac('sha256', TEST_SUPABASE_SECRET),
        }),
    ],
  ];

  it.each(invalidTokens)('refuses %s with AUTH_INVALID_TOKEN', async (_, makeToken) => {
    expect(await refusedWith({ token: makeToken() })).toBe('AUTH_INVALID_TOKEN');
  });

  it('accepts a genuine Supabase token and provisions its Playloop user', async () => {
    const subject = '5b7e0c5e-2222-4a4a-8b8b-000000000001';
    const token = craftJwt({
      header: HS256,
      payload: supabaseClaims(subject),
      sign: hmac('sha256', TEST_SUPABASE_SECRET),
    });
    const socket = await connectClient(server.url, { auth: { token } });
    socket.close();
    const { rows } = await server.deps.pool.query<{ id: string }>(
      'select id from users where external_subject = $1',
      [subject],
    );
    expect(rows[0]?.id).toMatch(/^usr_[0-9A-Za-z]{20}$/);
  });

  it('counts refusals by code in /metrics', async () => {
    const before = await metricValue(
      server.realtime,
      'playloop_realtime_handshake_refusals_total',
      { code: 'AUTH_REQUIRED' },
    );
    await refusedWith({});
    expect(
      await metricValue(server.realtime, 'playloop_realtime_handshake_refusals_total', {
        code: 'AUTH_REQUIRED',
      }),
    ).toBe(before + 1);
  });

  it('answers OVERLOADED, not an auth error, when a dependency fails while checking the token', async () => {
    // A real pool that has been shut down: provisioning a Supabase user cannot reach Postgres.
    const deadPool = createPool({ connectionString: db.url, max: 1 });
    await deadPool.end();
    const broken = await startInProcessRealtime(env, {
      authenticate: createAuthenticate(loadRealtimeConfig(env), deadPool),
    });
    try {
      const token = craftJwt({
        header: HS256,
        payload: supabaseClaims('5b7e0c5e-3333-4a4a-8b8b-000000000001'),
        sign: hmac('sha256', TEST_SUPABASE_SECRET),
      });
      expect((await connectError(broken.url, { auth: { token } })).data?.code).toBe('OVERLOADED');
    } finally {
      await broken.close();
    }
  });
});
