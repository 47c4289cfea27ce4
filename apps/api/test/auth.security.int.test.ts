import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorBody, ZMeResponse, ZSession } from '@playloop/shared';
import { startFakeSupabaseAuth } from '@playloop/core/testing';
import {
  ALLOWED_ORIGIN,
  client,
  PASSWORD,
  startTestApi,
  uniqueEmail,
  type TestApi,
} from './harness.js';
import { badTokens } from './tokens.js';

let api: TestApi;
let supabase: Awaited<ReturnType<typeof startFakeSupabaseAuth>>;
beforeAll(async () => {
  supabase = await startFakeSupabaseAuth();
  api = await startTestApi({
    SUPABASE_URL: supabase.url,
    SUPABASE_JWT_SECRET: supabase.legacySecret,
  });
});
afterAll(async () => {
  await api?.stop();
  await supabase?.stop();
});

const errorCode = (json: unknown) => ZErrorBody.parse(json).error.code;

async function signUp() {
  const c = client(api.base);
  const res = await c.call('POST', '/api/auth/signup', {
    body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Eve' },
  });
  return { c, session: ZSession.parse(res.json) };
}

describe('access tokens on REST', () => {
  it('refuses alg none, other algorithms, wrong audience or issuer, no expiry, tampering and expiry', async () => {
    const { c, session } = await signUp();
    const t = badTokens({
      secret: api.config.JWT_SECRET,
      issuer: api.config.JWT_ISSUER,
      audience: api.config.JWT_AUDIENCE,
      userId: session.user.id,
    });
    expect((await c.call('GET', '/api/me', { token: t.good })).status).toBe(200);
    for (const [name, token] of Object.entries({
      algNone: t.algNone,
      wrongAlgorithm: t.wrongAlgorithm,
      rsaSigned: t.rsaSigned,
      wrongAudience: t.wrongAudience,
      wrongIssuer: t.wrongIssuer,
      noExpiry: t.noExpiry,
      tampered: t.tampered,
    })) {
      const res = await c.call('GET', '/api/me', { token });
      expect({ name, status: res.status, code: errorCode(res.json) }).toEqual({
        name,
        status: 401,
        code: 'AUTH_INVALID_TOKEN',
      });
    }
    const expired = await c.call('GET', '/api/me', { token: t.expired });
    expect(expired.status).toBe(401);
    expect(errorCode(expired.json)).toBe('AUTH_TOKEN_EXPIRED');
    const none = await c.call('GET', '/api/me');
    expect(errorCode(none.json)).toBe('AUTH_REQUIRED');
  });

  it('accepts Supabase tokens from the signing keys (JWKS) and the legacy secret, provisioning the user once', async () => {
    const c = client(api.base);
    const sub = crypto.randomUUID();
    const viaJwks = await c.call('GET', '/api/me', {
      token: supabase.signWithSigningKey(sub, 'Sam@Example.com'),
    });
    expect(viaJwks.status).toBe(200);
    const first = ZMeResponse.parse(viaJwks.json).user;
    expect(first.email).toBe('sam@example.com');
    expect(supabase.jwksHits).toBeGreaterThan(0);
    const viaLegacy = await c.call('GET', '/api/me', {
      token: supabase.signWithLegacySecret(sub, 'sam@example.com'),
    });
    expect(ZMeResponse.parse(viaLegacy.json).user.id).toBe(first.id);
  });

  it('refuses Supabase-shaped tokens with a wrong secret, wrong audience, unknown key or expired', async () => {
    const c = client(api.base);
    const cases = {
      wrongSecret: supabase.signWithLegacySecret(undefined, undefined, 'x'.repeat(40)),
      wrongAudience: supabase.signWithLegacySecret(undefined, undefined, undefined, {
        audience: 'anon',
      }),
      unknownKid: supabase.signWithSigningKey(undefined, undefined, {
        keyid: 'not-a-published-key',
      }),
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await c.call('GET', '/api/me', { token });
      expect({ name, code: errorCode(res.json) }).toEqual({ name, code: 'AUTH_INVALID_TOKEN' });
    }
    const expired = supabase.signWithSigningKey(undefined, undefined, { expiresIn: -10 });
    expect(errorCode((await c.call('GET', '/api/me', { token: expired })).json)).toBe(
      'AUTH_TOKEN_EXPIRED',
    );
  });
});

describe('refresh tokens', () => {
  it('a reused refresh token revokes its whole family', async () => {
    const { c } = await signUp();
    const stolen = c.cookie;
    expect((await c.call('POST', '/api/auth/refresh')).status).toBe(200);
    const legit = c.cookie;
    c.cookie = stolen; // the thief replays the old token
    const replay = await c.call('POST', '/api/auth/refresh');
    expect(replay.status).toBe(401);
    expect(errorCode(replay.json)).toBe('AUTH_REFRESH_REUSED');
    c.cookie = legit; // and now the legitimate successor is dead too
    const after = await c.call('POST', '/api/auth/refresh');
    expect(after.status).toBe(401);
  });

  it('a made-up refresh cookie is refused', async () => {
    const c = client(api.base);
    c.cookie = 'pl_rt=not-a-real-token';
    const res = await c.call('POST', '/api/auth/refresh');
    expect(errorCode(res.json)).toBe('AUTH_REFRESH_INVALID');
  });
});

describe('login brute force', () => {
  it('the 11th wrong password for one account within a minute gets 429 with Retry-After', async () => {
    const email = uniqueEmail();
    const c = client(api.base);
    await c.call('POST', '/api/auth/signup', {
      body: { email, password: PASSWORD, displayName: 'Fay' },
    });
    for (let i = 1; i <= 10; i++) {
      const res = await c.call('POST', '/api/auth/login', {
        body: { email, password: `wrong-password-${i}` },
      });
      expect(res.status).toBe(401);
    }
    const eleventh = await c.call('POST', '/api/auth/login', {
      body: { email, password: 'wrong-password-11' },
    });
    expect(eleventh.status).toBe(429);
    expect(errorCode(eleventh.json)).toBe('RATE_LIMITED');
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits: the limiter answers before any password work.
    const right = await c.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(right.status).toBe(429);
  });
});

describe('bad input keeps the process serving', () => {
  it('malformed JSON, oversized bodies, unknown fields and bad emails get clear codes', async () => {
    const c = client(api.base);
    const malformed = await c.call('POST', '/api/auth/signup', { raw: '{"email": ' });
    expect([malformed.status, errorCode(malformed.json)]).toEqual([400, 'MALFORMED_JSON']);
    const huge = await c.call('POST', '/api/auth/signup', {
      raw: JSON.stringify({ email: 'a@b.co', displayName: 'x'.repeat(100_000) }),
    });
    expect([huge.status, errorCode(huge.json)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const extra = await c.call('POST', '/api/auth/signup', {
      body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Gus', role: 'admin' },
    });
    expect([extra.status, errorCode(extra.json)]).toEqual([400, 'VALIDATION_FAILED']);
    const bad = await c.call('POST', '/api/auth/signup', {
      body: { email: 'nope', password: 'short', displayName: '' },
    });
    const details = ZErrorBody.parse(bad.json).error.details ?? [];
    expect(details.map((d) => d.path).sort()).toEqual(['displayName', 'email', 'password']);
    expect(ZErrorBody.parse(bad.json).error.requestId).toMatch(/^req_/);
    expect((await c.call('GET', '/healthz')).status).toBe(200);
  });

  it('a taken email is a 409 on the email field and creates nothing', async () => {
    const email = uniqueEmail();
    const c = client(api.base);
    await c.call('POST', '/api/auth/signup', {
      body: { email, password: PASSWORD, displayName: 'Hal' },
    });
    const again = await c.call('POST', '/api/auth/signup', {
      body: { email, password: PASSWORD, displayName: 'Hal 2' },
    });
    expect(again.status).toBe(409);
    expect(ZErrorBody.parse(again.json).error.details?.[0]?.path).toBe('email');
    const { rows } = await api.services.pool.query(
      'select count(*)::int as n from users where email = $1',
      [email],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses writes from a foreign Origin and allows the configured one', async () => {
    const c = client(api.base);
    const foreign = await c.call('POST', '/api/auth/login', {
      body: { email: uniqueEmail(), password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect([foreign.status, errorCode(foreign.json)]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    const allowed = await c.call('POST', '/api/auth/login', {
      body: { email: uniqueEmail(), password: PASSWORD },
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);

    // The session resume is mounted apart, in front of the parsers: the same policy holds there,
    // and a foreign page cannot even learn whether a refresh cookie was good.
    const signedIn = client(api.base);
    const email = uniqueEmail();
    await signedIn.call('POST', '/api/auth/signup', {
      body: { email, password: PASSWORD, displayName: 'Resumer' },
    });
    const foreignResume = await signedIn.call('POST', '/api/auth/refresh', {
      headers: { origin: 'https://evil.example' },
    });
    expect([foreignResume.status, errorCode(foreignResume.json)]).toEqual([
      403,
      'ORIGIN_NOT_ALLOWED',
    ]);
    const resumed = await signedIn.call('POST', '/api/auth/refresh', {
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(resumed.headers.get('cache-control')).toBe('no-store');
    expect(resumed.headers.get('x-request-id')).toBeTruthy();
  });

  it('unknown api routes answer NOT_FOUND in the error shape', async () => {
    const res = await client(api.base).call('GET', '/api/nope');
    expect([res.status, errorCode(res.json)]).toEqual([404, 'NOT_FOUND']);
  });
});
