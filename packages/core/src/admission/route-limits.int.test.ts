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
    expect((await podA.check('read', { ip: '10.0.0.3', accountId: 'usr_a' }))?.dimension).toBe(
      'account',
    );
    expect(await podB.check('read', { ip: '10.0.0.3', accountId: 'usr_b' })).toBeNull();
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
