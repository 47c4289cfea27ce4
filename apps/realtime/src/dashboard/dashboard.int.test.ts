import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import {
  createPool,
  getOrCreateInviteCode,
  attributeReferral,
  issueAccessToken,
  qualifyReferral,
  type Pool,
} from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '@playloop/core/testing';
import { ServerEventSchemas, type AckResult, type TDashboardSnapshot } from '@playloop/shared';
import { connectClient, nextEvent } from '../../test/clients.js';
import { realtimeTestEnv, TEST_JWT_SECRET } from '../../test/env.js';
import { startInProcessRealtime, type InProcessRealtime } from '../../test/in-process.js';

let db: TestDatabase;
let pool: Pool;
let server: InProcessRealtime;
const redisNs = createTestRedisPrefix();
const sockets: Socket[] = [];

const token = (userId: string, role: 'player' | 'marketing') =>
  issueAccessToken(
    { secret: TEST_JWT_SECRET, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 },
    { id: userId, role },
  ).token;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool({ connectionString: db.url, max: 4 });
  server = await startInProcessRealtime(
    realtimeTestEnv({ databaseUrl: db.url, redisUrl: redisNs.url, redisPrefix: redisNs.prefix }),
  );
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
  await pool?.end();
  await redisNs.cleanup();
  await db?.drop();
});

async function connectAs(userId: string, role: 'player' | 'marketing') {
  const socket = await connectClient(server.url, { auth: { token: token(userId, role) } });
  sockets.push(socket);
  return socket;
}

const watch = (socket: Socket, campaignId: string) =>
  socket.timeout(5_000).emitWithAck('dashboard:watch', { campaignId }) as Promise<
    AckResult<TDashboardSnapshot>
  >;

describe('live campaign dashboard', () => {
  it('refuses players and shows marketing figures equal to the database, then pushes updates', async () => {
    const campaign = await insertTestCampaign(pool, {
      referrerPoints: 100,
      refereePoints: 50,
      budget: 10_000,
    });
    const referrer = await insertTestUser(pool);
    const code = await getOrCreateInviteCode(pool, referrer.id, campaign);
    for (let i = 0; i < 3; i++) {
      const friend = await insertTestUser(pool);
      await attributeReferral(pool, { refereeId: friend.id, code, touchedAt: new Date() });
      if (i < 2) await qualifyReferral(pool, { refereeId: friend.id, action: 'signup' });
    }

    const player = await connectAs(referrer.id, 'player');
    const refused = await watch(player, campaign);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const marketer = await insertTestUser(pool, { role: 'marketing' });
    const staff = await connectAs(marketer.id, 'marketing');
    const first = await watch(staff, campaign);
    if (!first.ok) throw new Error(first.error.code);
    const counts = (
      await pool.query(
        `select count(*)::int as signups, count(qualified_at)::int as qualified, count(rewarded_at)::int as rewarded from referrals where campaign_id = $1`,
        [campaign],
      )
    ).rows[0];
    expect(first.data).toMatchObject({
      ...counts,
      pointsIssued: 300,
      budgetRemaining: 10_000 - 300,
      kFactor: 3,
    });
    expect(first.data.topReferrers).toEqual([{ displayName: expect.any(String), rewarded: 2 }]);
    expect(first.data.playersOnline).toBeGreaterThanOrEqual(0);

    const update = await nextEvent<TDashboardSnapshot>(staff, 'dashboard:update', 8_000);
    expect(ServerEventSchemas['dashboard:update'].parse(update).signups).toBe(3);
    expect(update.playersOnline).toBe(2);
  });
});
