import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZMeResponse, ZNotificationList, ZSession } from '@playloop/shared';
import { client, PASSWORD, startTestApi, uniqueEmail, type TestApi } from './harness.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

describe('auth: a player signs up, resumes, and signs out', () => {
  it('signs up, gets a short-lived token and an httpOnly SameSite refresh cookie', async () => {
    const c = client(api.base);
    const email = uniqueEmail();
    const res = await c.call('POST', '/api/auth/signup', {
      body: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Ada' },
    });
    expect(res.status).toBe(201);
    const session = ZSession.parse(res.json);
    expect(session.user).toMatchObject({ email, displayName: 'Ada', role: 'player' });
    expect(session.expiresIn).toBeLessThanOrEqual(900);
    expect(res.setCookie).toMatch(/pl_rt=[^;]+/);
    expect(res.setCookie).toMatch(/HttpOnly/i);
    expect(res.setCookie).toMatch(/SameSite=Strict/i);
    expect(res.setCookie).toMatch(/Path=\/api\/auth/);
    expect(res.headers.get('cache-control')).toBe('no-store');

    const me = await c.call('GET', '/api/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(ZMeResponse.parse(me.json).user.id).toBe(session.user.id);
  });

  it('resumes a session from the cookie alone (page reload) and rotates the cookie', async () => {
    const c = client(api.base);
    await c.call('POST', '/api/auth/signup', {
      body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Bo' },
    });
    const before = c.cookie;
    const res = await c.call('POST', '/api/auth/refresh');
    expect(res.status).toBe(200);
    expect(ZSession.parse(res.json).user.displayName).toBe('Bo');
    expect(c.cookie).toBeDefined();
    expect(c.cookie).not.toBe(before);
  });

  it('logs in with the password, and logout ends the session for good', async () => {
    const c = client(api.base);
    const email = uniqueEmail();
    await c.call('POST', '/api/auth/signup', {
      body: { email, password: PASSWORD, displayName: 'Cy' },
    });
    c.cookie = undefined;
    const login = await c.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    const cookieAfterLogin = c.cookie;
    const out = await c.call('POST', '/api/auth/logout');
    expect(out.status).toBe(200);
    expect(c.cookie).toBeUndefined();
    c.cookie = cookieAfterLogin; // someone kept a copy of the old cookie
    const again = await c.call('POST', '/api/auth/refresh');
    expect(again.status).toBe(401);
  });

  it('lists the welcome notification the worker delivers after sign-up', async () => {
    const { createWorkerRuntime } = await import('../src/worker/runtime.js');
    const { loadWorkerConfig } = await import('../src/worker/config.js');
    const { createLogger } = await import('@playloop/core');
    const runtime = createWorkerRuntime(
      loadWorkerConfig({
        DATABASE_URL: api.config.DATABASE_URL,
        REDIS_URL: api.config.REDIS_URL,
        REDIS_PREFIX: api.config.REDIS_PREFIX,
        JWT_SECRET: api.config.JWT_SECRET,
      }),
      createLogger({ name: 'worker-test', level: 'silent' }),
    );
    try {
      await runtime.ready();
      const c = client(api.base);
      const signup = await c.call('POST', '/api/auth/signup', {
        body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Dee', locale: 'it' },
      });
      const { accessToken } = ZSession.parse(signup.json);
      let titles: string[] = [];
      for (let i = 0; i < 100 && titles.length === 0; i++) {
        const res = await c.call('GET', '/api/notifications', { token: accessToken });
        titles = ZNotificationList.parse(res.json).notifications.map((n) => n.title);
        if (titles.length === 0) await new Promise((r) => setTimeout(r, 50));
      }
      expect(titles).toEqual(['Benvenuto su Playloop!']);
    } finally {
      await runtime.close();
    }
  });

  it('serves the campaigns, the public config and an OpenAPI 3.1 document of every route', async () => {
    const c = client(api.base);
    const campaigns = await c.call('GET', '/api/campaigns');
    expect(campaigns.status).toBe(200);
    const config = await c.call('GET', '/api/config');
    expect(config.json).toMatchObject({ realtimeUrl: expect.any(String), supabase: null });
    const doc = (await c.call('GET', '/api/openapi.json')).json as {
      openapi: string;
      paths: Record<string, object>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/signup',
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/me',
      ]),
    );
  });
});
