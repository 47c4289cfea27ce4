import { createTestRedisPrefix } from '@playloop/core/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouteLimits, DEFAULT_ROUTE_LIMITS } from './route-limits.js';

const ns = createTestRedisPrefix();
let redis: Redis;
beforeAll(async () => {
  redis = new Redis(ns.url);
  await redis.ping();
});
afterAll(async () => {
  redis.disconnect();
  await ns.cleanup();
});

const limits = (over: Partial<(typeof DEFAULT_ROUTE_LIMITS)['classes']['read']>, prefix: string) =>
  createRouteLimits(redis, `${ns.prefix}${prefix}:`, {
    windowSeconds: 60,
    classes: {
      ...DEFAULT_ROUTE_LIMITS.classes,
      read: { perIp: 0, perAccount: 0, global: 0, ...over },
    },
  });

describe('route-class limits', () => {
  it('refuses an IP past its budget and names the wait, leaving other IPs alone', async () => {
    const l = limits({ perIp: 3 }, 'ip');
    for (let i = 0; i < 3; i++)
      expect(await l.check('read', { ip: '10.0.0.1', accountId: null })).toBeNull();
    const verdict = await l.check('read', { ip: '10.0.0.1', accountId: null });
    expect(verdict?.dimension).toBe('ip');
    expect(verdict?.retryAfterMs).toBeGreaterThan(50_000);
    expect(await l.check('read', { ip: '10.0.0.2', accountId: null })).toBeNull();
  });

  it('counts an account across IPs, and is shared by every pod through Redis', async () => {
    const podA = limits({ perAccount: 2 }, 'acct');
    const podB = limits({ perAccount: 2 }, 'acct');
    expect(await podA.check('read', { ip: '10.0.0.1', accountId: 'usr_a' })).toBeNull();
    expect(await podB.check('read', { ip: '10.0.0.2', accountId: 'usr_a' })).toBeNull();
    // Each pod decides from memory and learns the others' counts at its next sync (every 100 ms).
    await podB.sync();
    await podA.sync();
    expect((await podA.check('read', { ip: '10.0.0.3', accountId: 'usr_a' }))?.dimension).toBe(
      'account',
    );
    expect(await podB.check('read', { ip: '10.0.0.3', accountId: 'usr_b' })).toBeNull();
    podA.close();
    podB.close();
  });

  it('overshoots a budget across pods by at most what they admit between syncs', async () => {
    const pods = [1, 2, 3].map(() => limits({ perIp: 30 }, 'burst'));
    let admitted = 0;
    for (let round = 0; round < 10; round += 1) {
      for (const pod of pods)
        for (let i = 0; i < 5; i += 1)
          if ((await pod.check('read', { ip: '10.9.9.9', accountId: null })) === null)
            admitted += 1;
      // No explicit sync: each pod's own timer (every 100 ms) pushes and learns the counts.
      await new Promise((r) => setTimeout(r, 150));
    }
    // 30 allowed; each of three pods may admit up to its 5 of a round before a sync tells it.
    expect(admitted).toBeGreaterThanOrEqual(30);
    expect(admitted).toBeLessThanOrEqual(30 + 3 * 5);
    await Promise.all(pods.map((p) => p.sync()));
    expect(Number(await redis.get(`${ns.prefix}burst:rl:read:ip:10.9.9.9`))).toBe(admitted);
    for (const p of pods) p.close();
  });

  it('a platform-wide budget caps everyone together', async () => {
    const l = limits({ global: 2 }, 'global');
    expect(await l.check('read', { ip: '1.1.1.1', accountId: null })).toBeNull();
    expect(await l.check('read', { ip: '2.2.2.2', accountId: null })).toBeNull();
    expect((await l.check('read', { ip: '3.3.3.3', accountId: null }))?.dimension).toBe('global');
  });

  it('keeps limiting from memory when Redis is unreachable', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
    const l = createRouteLimits(dead, 'x:', {
      windowSeconds: 60,
      classes: { ...DEFAULT_ROUTE_LIMITS.classes, read: { perIp: 2, perAccount: 0, global: 0 } },
    });
    expect(await l.check('read', { ip: '9.9.9.9', accountId: null })).toBeNull();
    expect(await l.check('read', { ip: '9.9.9.9', accountId: null })).toBeNull();
    expect((await l.check('read', { ip: '9.9.9.9', accountId: null }))?.dimension).toBe('ip');
    dead.disconnect();
  });
});
