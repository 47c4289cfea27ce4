import {
  createPool,
  findLedgerDrift,
  getWallet,
  houseAccount,
  issueAccessToken,
  listMySpins,
  playerAccount,
  postTransaction,
  publishWheel,
  rotateSeed,
  withTransaction,
  type Pool,
} from '@playloop/core';
import {
  createTestDatabase,
  createTestRedisPrefix,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '@playloop/core/testing';
import {
  ServerEventSchemas,
  verifySpin,
  ZWheelConfig,
  ZWheelSpinResult,
  type AckResult,
  type TWheelConfigInput,
} from '@playloop/shared';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, nextEvent } from '../../../test/clients.js';
import { realtimeTestEnv, TEST_JWT_SECRET } from '../../../test/env.js';
import { startInProcessRealtime, type InProcessRealtime } from '../../../test/in-process.js';

type Ack = AckResult<unknown>;
const tokens = {
  secret: TEST_JWT_SECRET,
  issuer: 'playloop',
  audience: 'playloop',
  ttlSeconds: 900,
};

let db: TestDatabase;
const redis = createTestRedisPrefix();
let server: InProcessRealtime;
let pool: Pool;
let admin: { userId: string; role: 'admin' };
const opened: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startInProcessRealtime(
    realtimeTestEnv(
      { databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix },
      { DATABASE_POOL_MAX: '8' },
    ),
  );
  pool = createPool({ connectionString: db.url, max: 4 });
  admin = { userId: (await insertTestUser(pool, { role: 'admin' })).id, role: 'admin' };
});
afterEach(() => {
  for (const socket of opened.splice(0)) socket.close();
});
afterAll(async () => {
  await server?.close();
  await pool?.end();
  await redis.cleanup();
  await db?.drop();
});

const tryAgain = {
  label: 'Try again',
  weight: 1,
  colour: '#999999',
  prize: { kind: 'none' as const },
  isFallback: true,
};

async function wheelCampaign(segments: TWheelConfigInput['segments']) {
  const campaignId = await insertTestCampaign(pool);
  await publishWheel(pool, admin, campaignId, ZWheelConfig.parse({ segments }));
  return campaignId;
}

async function player(spins: number): Promise<string> {
  const { id } = await insertTestUser(pool);
  if (spins > 0) {
    await withTransaction(pool, async (tx) => {
      await postTransaction(tx, {
        idempotencyKey: `test-spins:${id}`,
        kind: 'spin_grant',
        legs: [
          { accountId: await houseAccount(tx, 'spins'), amount: -spins },
          { accountId: await playerAccount(tx, id, 'spins'), amount: spins },
        ],
      });
    });
  }
  return id;
}

async function connectAs(userId: string): Promise<Socket> {
  const socket = await connectClient(server.url, {
    auth: { token: issueAccessToken(tokens, { id: userId, role: 'player' }).token },
  });
  opened.push(socket);
  return socket;
}

const spin = (socket: Socket, payload: unknown): Promise<Ack> =>
  socket.timeout(10_000).emitWithAck('wheel:spin', payload);
const okData = (ack: Ack) => {
  if (!ack.ok) throw new Error(`spin refused: ${ack.error.code} ${ack.error.message}`);
  return ZWheelSpinResult.parse(ack.data);
};
const errorCode = (ack: Ack) => (ack.ok ? 'ok' : ack.error.code);
const spinRows = async (userId: string) =>
  Number(
    (await pool.query('select count(*) from wheel_spins where user_id = $1', [userId])).rows[0]
      .count,
  );

describe('wheel:spin over a real Socket.IO server', () => {
  it('with a spin in the wallet: the prize lands in the wallet, the spin is spent, every tab hears wallet:updated', async () => {
    const campaignId = await wheelCampaign([
      {
        label: '250 points',
        weight: 1_000_000,
        colour: '#ffcc00',
        prize: { kind: 'points', amount: 250 },
      },
      tryAgain,
    ]);
    const userId = await player(2);
    const [tab1, tab2] = [await connectAs(userId), await connectAs(userId)];
    const pushed = nextEvent(tab2, 'wallet:updated');
    const result = okData(await spin(tab1, { campaignId, clientSeed: 'Lucky-7' }));
    expect(result).toMatchObject({
      awardedIndex: 0,
      drawnIndex: 0,
      prize: { kind: 'points', amount: 250 },
      clientSeed: 'Lucky-7',
      nonce: 0,
    });
    expect(result.wallet).toEqual({ points: 250, pointsHeld: 0, spins: 1 });
    expect(ServerEventSchemas['wallet:updated'].parse(await pushed)).toEqual(result.wallet);
    expect(await getWallet(pool, userId)).toEqual(result.wallet);
  });

  it('without a spin: NO_SPINS and nothing changes', async () => {
    const campaignId = await wheelCampaign([
      {
        label: '5 points',
        weight: 3,
        colour: '#00aa00',
        prize: { kind: 'points', amount: 5 },
        stock: 4,
      },
      tryAgain,
    ]);
    const userId = await player(0);
    const socket = await connectAs(userId);
    const ack = await spin(socket, { campaignId });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'NO_SPINS', message: expect.stringMatching(/no spins left/) },
    });
    expect(await getWallet(pool, userId)).toEqual({ points: 0, pointsHeld: 0, spins: 0 });
    expect(await spinRows(userId)).toBe(0);
    expect(
      (await pool.query('select remaining from wheel_stock where campaign_id = $1', [campaignId]))
        .rows,
    ).toEqual([{ remaining: 4 }]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a prize', { prize: { kind: 'points', amount: 1_000_000 } }],
    ['a segment index', { segmentIndex: 0 }],
    ['an awarded index', { awardedIndex: 0 }],
    ['a nonce', { nonce: 0 }],
    ['a server seed', { serverSeed: 'a'.repeat(64) }],
  ])(
    'refuses a payload that carries %s (VALIDATION_FAILED) and spends nothing',
    async (_, forged) => {
      const campaignId = await wheelCampaign([
        {
          label: 'Jackpot',
          weight: 1,
          colour: '#ff0000',
          prize: { kind: 'points', amount: 1_000 },
        },
        tryAgain,
      ]);
      const userId = await player(1);
      const ack = await spin(await connectAs(userId), { campaignId, ...forged });
      expect(errorCode(ack)).toBe('VALIDATION_FAILED');
      expect(await getWallet(pool, userId)).toEqual({ points: 0, pointsHeld: 0, spins: 1 });
      expect(await spinRows(userId)).toBe(0);
    },
  );

  it('refuses malformed ids and client seeds with field details; an unknown campaign is NOT_FOUND', async () => {
    const socket = await connectAs(await player(1));
    const badSeed = await spin(socket, {
      campaignId: 'cmp_aaaaaaaaaaaaaaaaaaaa',
      clientSeed: 'has a space',
    });
    expect(badSeed.ok ? [] : badSeed.error.details?.map((d) => d.path)).toEqual(['clientSeed']);
    expect(errorCode(await spin(socket, { campaignId: 'nope' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await spin(socket, { campaignId: 'cmp_aaaaaaaaaaaaaaaaaaaa' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('one spin at a time per socket', async () => {
    const campaignId = await wheelCampaign([
      { label: '1 point', weight: 1, colour: '#ff0000', prize: { kind: 'points', amount: 1 } },
      tryAgain,
    ]);
    const socket = await connectAs(await player(5));
    const acks = await Promise.all([spin(socket, { campaignId }), spin(socket, { campaignId })]);
    expect(acks.map(errorCode)).toEqual(['ok', 'RATE_LIMITED']);
  });

  it('50 players spin at once for the last 3 prizes: 3 win, 47 get the fallback, stock ends at 0', async () => {
    const campaignId = await wheelCampaign([
      {
        label: 'Headphones',
        weight: 1_000_000,
        colour: '#3366ff',
        prize: { kind: 'points', amount: 10 },
        stock: 3,
      },
      tryAgain,
    ]);
    const players = await Promise.all(Array.from({ length: 50 }, () => player(1)));
    const sockets = await Promise.all(players.map(connectAs));
    const results = (await Promise.all(sockets.map((s) => spin(s, { campaignId })))).map(okData);
    expect(results.filter((r) => r.awardedIndex === 0 && r.fallbackReason === null)).toHaveLength(
      3,
    );
    const fallbacks = results.filter((r) => r.fallbackReason === 'out_of_stock');
    expect(fallbacks).toHaveLength(47);
    expect(
      fallbacks.every(
        (r) =>
          r.drawnIndex === 0 &&
          r.awardedIndex === 1 &&
          r.wallet.spins === 0 &&
          r.wallet.points === 0,
      ),
    ).toBe(true);
    expect(
      (await pool.query('select remaining from wheel_stock where campaign_id = $1', [campaignId]))
        .rows,
    ).toEqual([{ remaining: 0 }]);
    expect(await findLedgerDrift(pool)).toEqual({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });
  });

  it('after the seed rotates, every spin made over the socket verifies with the shared function', async () => {
    const campaignId = await wheelCampaign([
      { label: '10 points', weight: 6, colour: '#ffcc00', prize: { kind: 'points', amount: 10 } },
      { label: '+1 spin', weight: 2, colour: '#00ccff', prize: { kind: 'spins', amount: 1 } },
      {
        label: 'Mug',
        weight: 2,
        colour: '#cc00ff',
        prize: { kind: 'points', amount: 1 },
        stock: 1,
      },
      tryAgain,
    ]);
    const userId = await player(9);
    const socket = await connectAs(userId);
    const acked = [];
    for (let i = 0; i < 8; i++)
      acked.push(
        okData(await spin(socket, { campaignId, ...(i === 4 ? { clientSeed: 'switched' } : {}) })),
      );
    expect(acked.map((r) => r.nonce)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const { revealed } = await rotateSeed(pool, userId, campaignId);
    const history = await listMySpins(pool, userId, campaignId);
    expect(history.map((h) => h.spinId).sort()).toEqual(acked.map((a) => a.spinId).sort());
    for (const h of history) {
      expect(h.serverSeed).toBe(revealed.serverSeed);
      const weights = h.segments.map((s) => s.weight);
      expect(
        verifySpin({ ...h, serverSeed: revealed.serverSeed, weights, segmentIndex: h.drawnIndex }),
      ).toMatchObject({ valid: true });
    }
    // The next spin commits to the new seed and starts again at nonce 0 (one of the nine spins is left).
    const next = okData(await spin(socket, { campaignId }));
    expect(next).toMatchObject({ nonce: 0, clientSeed: 'switched' });
    expect(next.serverSeedHash).not.toBe(revealed.serverSeedHash);
  });
});
