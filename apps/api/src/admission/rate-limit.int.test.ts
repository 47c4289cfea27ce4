import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.js';
import { tokenFor } from './test-browser.js';

let api: TestApi;
let alice: string;
let bob: string;

beforeAll(async () => {
  // The api trusts one proxy hop, so X-Forwarded-For names the client as behind a router.
  api = await startTestApi({
    TRUST_PROXY: '1',
    RATE_LIMIT_READ: '3,0,0',
    RATE_LIMIT_WRITE: '0,2,0',
    RATE_LIMIT_QUEUE: '2,0,0',
    RATE_LIMIT_SESSION: '2,0,0',
  });
  [alice, bob] = await Promise.all([tokenFor(api, 'player'), tokenFor(api, 'player')]);
});
afterAll(async () => {
  await api?.stop();
});

const get = (path: string, ip: string, token?: string) =>
  fetch(`${api.base}${path}`, {
    headers: { 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

describe('per-route-class rate limits', () => {
  it('answers 429 with Retry-After once an IP spends its read budget, and counts IPs apart', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/api/config', '203.0.113.7')).status).toBe(200);
    const limited = await get('/api/config', '203.0.113.7');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await get('/api/config', '203.0.113.8')).status).toBe(200);
  });

  it('limits the invite link per IP too, though it is served in front of Express', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${api.base}/r/nosuchcode1`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
        redirect: 'manual',
      });
      expect(res.status).toBe(404);
    }
    const limited = await fetch(`${api.base}/r/nosuchcode1`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
      redirect: 'manual',
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const metrics = await (await fetch(`${api.base}/metrics`)).text();
    expect(metrics).toMatch(
      /playloop_rate_limited_requests_total\{class="read",dimension="ip"\} [1-9]/,
    );
  });

  it('limits session resumes per IP too, though they are served in front of Express', async () => {
    const resume = () =>
      fetch(`${api.base}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'x-forwarded-for': '203.0.113.10', cookie: 'pl_rt=not-a-token' },
      });
    for (let i = 0; i < 2; i++) expect((await resume()).status).toBe(401);
    const limited = await resume();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const metrics = await (await fetch(`${api.base}/metrics`)).text();
    expect(metrics).toMatch(
      /playloop_rate_limited_requests_total\{class="session",dimension="ip"\} 1/,
    );
    expect(metrics).toMatch(
      /playloop_http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/refresh",status="4xx"\} 3/,
    );
  });

  it('counts an account across IPs on writes, and never another account', async () => {
    const attribute = (token: string, ip: string) =>
      fetch(`${api.base}/api/referrals/attribute`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': ip,
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ code: 'nope-nope' }),
      });
    expect((await attribute(alice, '198.51.100.1')).status).not.toBe(429);
    expect((await attribute(alice, '198.51.100.2')).status).not.toBe(429);
    const third = await attribute(alice, '198.51.100.3');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBeTruthy();
    expect((await attribute(bob, '198.51.100.3')).status).not.toBe(429);
    // A forged token naming nobody spends no one's budget: it is refused by auth, not counted.
    expect((await attribute('forged.token.value', '198.51.100.4')).status).toBe(401);
  });

  it('limits the waiting room per IP, so a script cannot take places in bulk', async () => {
    const join = () =>
      fetch(`${api.base}/api/waiting-room/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.9' },
        body: '{}',
      });
    expect((await join()).status).toBe(200);
    expect((await join()).status).toBe(200);
    expect((await join()).status).toBe(429);
  });

  it('never limits the probes', async () => {
    for (let i = 0; i < 10; i++) expect((await get('/healthz', '203.0.113.7')).status).toBe(200);
  });
});
