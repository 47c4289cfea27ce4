import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '../testing/index.js';
import { createPool, type Pool } from '../db/pool.js';
import { createRedis, type Redis } from '../redis/client.js';
import { getOrCreateInviteCode } from './codes.js';
import { createInviteDirectory } from './invite-directory.js';

let db: TestDatabase;
let pool: Pool;
let redis: Redis;
const ns = createTestRedisPrefix();
beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool({ connectionString: db.url, max: 4 });
  redis = createRedis(ns.url);
});
afterAll(async () => {
  redis?.disconnect();
  await ns.cleanup();
  await pool?.end();
  await db?.drop();
});

/** The pool, counting the queries that reach Postgres through it. */
function countingPool() {
  const counter = { queries: 0 };
  const counted = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return (...args: unknown[]) => {
        counter.queries += 1;
        return Reflect.apply(target.query, target, args);
      };
    },
  });
  return { pool: counted, counter };
}

async function inviteCode(displayName: string) {
  const campaign = await insertTestCampaign(pool);
  const owner = await insertTestUser(pool, { displayName });
  return getOrCreateInviteCode(pool, owner.id, campaign);
}

describe('the invite directory behind /r/<code>', () => {
  it('serves a code it resolved from process memory, and a burst of cold requests costs one Postgres read', async () => {
    const code = await inviteCode('Memo');
    const { pool: counted, counter } = countingPool();
    const directory = createInviteDirectory({
      pool: counted,
      redis,
      prefix: ns.prefix,
      localTtlMs: 60_000,
    });
    const burst = await Promise.all(Array.from({ length: 20 }, () => directory.resolve(code)));
    expect(new Set(burst.map((i) => i?.referrerName))).toEqual(new Set(['Memo']));
    expect(counter.queries).toBe(1);
    // Redis forgetting it changes nothing for this process within its local lifetime.
    await redis.del(`${ns.prefix}invite:${code}`);
    expect((await directory.resolve(code))?.referrerName).toBe('Memo');
    expect(counter.queries).toBe(1);
  });

  it('forget() drops a code from this process and from Redis at once', async () => {
    const code = await inviteCode('Before');
    const directory = createInviteDirectory({ pool, redis, prefix: ns.prefix, localTtlMs: 60_000 });
    expect((await directory.resolve(code))?.referrerName).toBe('Before');
    await pool.query(
      `update users set display_name = 'After' where id = (select user_id from referral_codes where code = $1)`,
      [code],
    );
    expect((await directory.resolve(code))?.referrerName).toBe('Before');
    await directory.forget(code);
    expect((await directory.resolve(code))?.referrerName).toBe('After');
  });

  it('remembers unknown codes as missing, and with no local lifetime reads Redis every time', async () => {
    const { pool: counted, counter } = countingPool();
    const directory = createInviteDirectory({
      pool: counted,
      redis,
      prefix: ns.prefix,
      localTtlMs: 0,
    });
    expect(await directory.resolve('nosuchcode1')).toBeNull();
    expect(await directory.resolve('nosuchcode1')).toBeNull();
    expect(counter.queries).toBe(1);
    const code = await inviteCode('Shared');
    await directory.warm(code);
    await redis.set(`${ns.prefix}invite:${code}`, '0', 'EX', 60);
    // Another pod marked it missing in Redis: without a local copy this process sees that at once.
    expect(await directory.resolve(code)).toBeNull();
  });
});
