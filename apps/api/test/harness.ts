import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createLogger } from '@playloop/core';
import { createTestDatabase, createTestRedisPrefix } from '@playloop/core/testing';
import { ZSession } from '@playloop/shared';
import { createApp } from '../src/app.js';
import { loadApiConfig, type ApiConfig } from '../src/config.js';
import { buildApiServices } from '../src/services.js';

export const ALLOWED_ORIGIN = 'http://app.playloop.test';

/**
 * A real api on a random port over a fresh database and its own Redis prefix.
 * Tests talk to it over HTTP exactly as a browser or another service would.
 */
export async function startTestApi(overrides: Record<string, string> = {}) {
  const db = await createTestDatabase();
  const redisNs = createTestRedisPrefix();
  const config: ApiConfig = loadApiConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    REDIS_URL: redisNs.url,
    REDIS_PREFIX: redisNs.prefix,
    JWT_SECRET: randomBytes(32).toString('base64'),
    CORS_ORIGINS: ALLOWED_ORIGIN,
    PORT: '0',
    ...overrides,
  });
  const logger = createLogger({ name: 'api-test', level: config.LOG_LEVEL });
  const services = buildApiServices(config);
  const server: Server = createServer(createApp({ config, logger, ...services }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    config,
    db,
    redisNs,
    services,
    async stop() {
      server.closeAllConnections();
      server.close();
      await services.close();
      await redisNs.cleanup();
      await db.drop();
    },
  };
}
export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

/** JSON over fetch with a cookie jar of one cookie (the refresh token), like the SPA. */
export function client(base: string) {
  let cookie: string | undefined;
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
    async call(
      method: string,
      path: string,
      opts: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
    ) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.body !== undefined || opts.raw !== undefined)
        headers['content-type'] = 'application/json';
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (cookie) headers.cookie = cookie;
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      });
      const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('pl_rt=')) ?? null;
      if (setCookie) {
        const pair = setCookie.split(';')[0] as string;
        cookie = pair.endsWith('=') ? undefined : pair;
      }
      const text = await res.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = text;
      }
      return { status: res.status, headers: res.headers, json, setCookie };
    },
  };
}

let counter = 0;
export function uniqueEmail(tag = 'player'): string {
  counter += 1;
  return `${tag}.${counter}.${randomBytes(3).toString('hex')}@example.com`;
}
export const PASSWORD = 'correct horse battery staple';

/** A player signed up over the api, with their own cookie jar and access token. */
export async function signUpPlayer(
  api: Pick<TestApi, 'base'>,
  name: string,
  email = uniqueEmail(name.toLowerCase()),
) {
  const c = client(api.base);
  const res = await c.call('POST', '/api/auth/signup', {
    body: { email, password: PASSWORD, displayName: name },
  });
  if (res.status !== 201) throw new Error(`sign-up of ${email} answered ${res.status}`);
  const session = ZSession.parse(res.json);
  return { c, email, session, token: session.accessToken, id: session.user.id };
}
