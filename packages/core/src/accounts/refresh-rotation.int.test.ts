import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, insertTestUser, type TestDatabase } from '../testing/index.js';
import { createPool, type Pool } from '../db/pool.js';
import { issueRefreshToken, rotateRefreshToken } from './refresh-tokens.js';

let db: TestDatabase;
let pool: Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool({ connectionString: db.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: { code?: string }) => err.code ?? 'error',
  );

describe('refresh token rotation (one statement)', () => {
  it('rotates a live token once; the successor works; the old one replayed burns the family', async () => {
    const user = await insertTestUser(pool);
    const first = await issueRefreshToken(pool, user.id, 3600);
    const second = await rotateRefreshToken(pool, first.token, 3600);
    expect(second.user.id).toBe(user.id);
    expect(second.user).not.toHaveProperty('password_hash');
    const third = await rotateRefreshToken(pool, second.token, 3600);
    expect(await codeOf(rotateRefreshToken(pool, first.token, 3600))).toBe('AUTH_REFRESH_REUSED');
    // The whole family is revoked, the newest token included.
    expect(await codeOf(rotateRefreshToken(pool, third.token, 3600))).toBe('AUTH_REFRESH_INVALID');
  });

  it('lets exactly one of two simultaneous rotations of the same token win', async () => {
    const user = await insertTestUser(pool);
    const { token } = await issueRefreshToken(pool, user.id, 3600);
    const outcomes = await Promise.all([
      codeOf(rotateRefreshToken(pool, token, 3600)),
      codeOf(rotateRefreshToken(pool, token, 3600)),
    ]);
    expect(outcomes.sort()).toEqual(['AUTH_REFRESH_REUSED', 'ok']);
    const { rows } = await pool.query<{ live: string }>(
      'select count(*) filter (where revoked_at is null and used_at is null) as live from refresh_tokens where user_id = $1',
      [user.id],
    );
    expect(Number(rows[0]?.live)).toBe(0);
  });

  it('refuses unknown and expired tokens without touching anything', async () => {
    const user = await insertTestUser(pool);
    expect(await codeOf(rotateRefreshToken(pool, 'no-such-token', 3600))).toBe(
      'AUTH_REFRESH_INVALID',
    );
    const { token } = await issueRefreshToken(pool, user.id, 3600);
    await pool.query(
      `update refresh_tokens set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where user_id = $1`,
      [user.id],
    );
    expect(await codeOf(rotateRefreshToken(pool, token, 3600))).toBe('AUTH_REFRESH_INVALID');
    const { rows } = await pool.query<{ n: string }>(
      'select count(*) as n from refresh_tokens where user_id = $1 and revoked_at is null',
      [user.id],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("does not wait for the WAL flush itself, and leaves the connection's next transactions durable", async () => {
    const user = await insertTestUser(pool);
    const { token } = await issueRefreshToken(pool, user.id, 3600);
    const client = await pool.connect();
    const setting = async () =>
      (await client.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0]
        ?.synchronous_commit;
    try {
      const durable = await setting();
      expect(durable).not.toBe('off');
      await client.query('begin');
      const rotated = await rotateRefreshToken(client, token, 3600);
      expect(await setting()).toBe('off');
      await client.query('commit');
      expect(await setting()).toBe(durable);
      // Outside an explicit transaction (as the api calls it) the statement is its own transaction.
      await rotateRefreshToken(client, rotated.token, 3600);
      expect(await setting()).toBe(durable);
    } finally {
      client.release();
    }
  });
});
