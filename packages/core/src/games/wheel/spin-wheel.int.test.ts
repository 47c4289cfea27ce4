import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySpin, ZWheelConfig, type TWheelConfigInput } from '@playloop/shared';
import { createPool, withTransaction, type Pool } from '../../db/pool.js';
import { AppError } from '../../errors/app-error.js';
import { houseAccount, playerAccount } from '../../ledger/accounts.js';
import { postTransaction } from '../../ledger/post-transaction.js';
import { findLedgerDrift } from '../../ledger/reconcile.js';
import { getWallet } from '../../ledger/wallet.js';
import {
  createTestDatabase,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '../../testing/index.js';
import { claimDailySpin, nextUtcMidnight } from './daily-spin.js';
import { publishWheel } from './publish-wheel.js';
import { listMySpins } from './spin-history.js';
import { spinWheel } from './spin-wheel.js';
import { getWheelState, rotateSeed } from './wheel-state.js';

let db: TestDatabase;
let pool: Pool;
let admin: { userId: string; role: 'admin' };

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool({ connectionString: db.url, max: 12 });
  admin = { userId: (await insertTestUser(pool, { role: 'admin' })).id, role: 'admin' };
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const seg = (
  label: string,
  weight: number,
  prize: TWheelConfigInput['segments'][number]['prize'],
  stock: number | null = null,
) => ({
  label,
  weight,
  colour: '#336699',
  prize,
  stock,
});
const tryAgain = {
  label: 'Try again',
  weight: 1,
  colour: '#999999',
  prize: { kind: 'none' as const },
  isFallback: true,
};

async function wheelCampaign(segments: TWheelConfigInput['segments'], budget = 1_000_000) {
  const campaignId = await insertTestCampaign(pool, { budget });
  await publishWheel(pool, admin, campaignId, ZWheelConfig.parse({ segments }));
  return campaignId;
}

async function grantSpins(userId: string, n: number) {
  await withTransaction(pool, async (tx) => {
    await postTransaction(tx, {
      idempotencyKey: `test-spins:${userId}:${Math.random()}`,
      kind: 'spin_grant',
      legs: [
        { accountId: await houseAccount(tx, 'spins'), amount: -n },
        { accountId: await playerAccount(tx, userId, 'spins'), amount: n },
      ],
    });
  });
}

async function playerWithSpins(n: number) {
  const { id } = await insertTestUser(pool);
  if (n > 0) await grantSpins(id, n);
  return id;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => (err instanceof AppError ? err.code : err),
  );

describe('spinWheel', () => {
  it('spends one spin and pays the drawn prize', async () => {
    // Weighted 1,000,000 : 1, so the draw is (all but) certain and the test can name the prize.
    const campaignId = await wheelCampaign([
      seg('100 points', 1_000_000, { kind: 'points', amount: 100 }),
      tryAgain,
    ]);
    const userId = await playerWithSpins(2);
    const result = await spinWheel(pool, { userId, campaignId, clientSeed: 'my-lucky-seed' });
    expect(result).toMatchObject({
      drawnIndex: 0,
      awardedIndex: 0,
      fallbackReason: null,
      prize: { kind: 'points', amount: 100 },
      clientSeed: 'my-lucky-seed',
      nonce: 0,
    });
    expect(result.wallet).toEqual({ points: 100, pointsHeld: 0, spins: 1 });
    expect(await getWallet(pool, userId)).toEqual(result.wallet);
    const second = await spinWheel(pool, { userId, campaignId });
    expect(second).toMatchObject({ nonce: 1, clientSeed: 'my-lucky-seed' });
    expect(await findLedgerDrift(pool)).toEqual({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });
  });

  it('refuses with NO_SPINS and changes nothing when the wallet has no spin', async () => {
    const campaignId = await wheelCampaign([
      seg('5 points', 5, { kind: 'points', amount: 5 }, 10),
      tryAgain,
    ]);
    const userId = await playerWithSpins(0);
    const before = await getWheelState(pool, userId, campaignId);
    expect(await refusal(spinWheel(pool, { userId, campaignId, clientSeed: 'changed' }))).toBe(
      'NO_SPINS',
    );
    const after = await getWheelState(pool, userId, campaignId);
    expect(after.seed).toEqual(before.seed); // same nonce, same client seed: the refusal rolled back
    expect(after.segments[0]?.stockLeft).toBe(10);
    expect(await getWallet(pool, userId)).toEqual({ points: 0, pointsHeld: 0, spins: 0 });
    expect(await listMySpins(pool, userId, campaignId)).toEqual([]);
  });

  it('pays spins prizes from the house and lets them be spent', async () => {
    const campaignId = await wheelCampaign([
      seg('+2 spins', 1_000_000, { kind: 'spins', amount: 2 }),
      tryAgain,
    ]);
    const userId = await playerWithSpins(1);
    expect((await spinWheel(pool, { userId, campaignId })).wallet.spins).toBe(2);
  });

  it('awards the fallback when the drawn prize is out of stock, and stock never goes negative under 50 concurrent spins', async () => {
    const campaignId = await wheelCampaign([
      seg('Headphones', 1_000_000, { kind: 'points', amount: 1 }, 3),
      tryAgain,
    ]);
    const players = await Promise.all(Array.from({ length: 50 }, () => playerWithSpins(1)));
    const results = await Promise.all(
      players.map((userId) => spinWheel(pool, { userId, campaignId })),
    );
    const won = results.filter((r) => r.awardedIndex === 0);
    const fallbacks = results.filter((r) => r.fallbackReason === 'out_of_stock');
    expect(results.every((r) => r.drawnIndex === 0)).toBe(true); // weight 1,000,000 : 1
    expect(won).toHaveLength(3);
    expect(fallbacks).toHaveLength(47);
    expect(fallbacks.every((r) => r.awardedIndex === 1 && r.prize.kind === 'none')).toBe(true);
    const { rows } = await pool.query('select remaining from wheel_stock where campaign_id = $1', [
      campaignId,
    ]);
    expect(rows).toEqual([{ remaining: 0 }]);
    expect(await findLedgerDrift(pool)).toMatchObject({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });
  });

  it('awards the fallback when the campaign budget cannot pay the points', async () => {
    const campaignId = await wheelCampaign(
      [seg('100 points', 1_000_000, { kind: 'points', amount: 100 }), tryAgain],
      150,
    );
    const userId = await playerWithSpins(2);
    expect(await spinWheel(pool, { userId, campaignId })).toMatchObject({
      awardedIndex: 0,
      fallbackReason: null,
    });
    const second = await spinWheel(pool, { userId, campaignId });
    expect(second).toMatchObject({
      drawnIndex: 0,
      awardedIndex: 1,
      fallbackReason: 'over_budget',
      prize: { kind: 'none', amount: 0 },
    });
    expect(second.wallet).toEqual({ points: 100, pointsHeld: 0, spins: 0 });
  });

  it('never overspends the budget under 40 concurrent spins: the ones it cannot pay get the fallback, with their stock given back', async () => {
    const campaignId = await wheelCampaign(
      [seg('100 points', 1_000_000, { kind: 'points', amount: 100 }, 30), tryAgain],
      500,
    );
    const players = await Promise.all(Array.from({ length: 40 }, () => playerWithSpins(1)));
    const results = await Promise.all(
      players.map((userId) => spinWheel(pool, { userId, campaignId })),
    );
    expect(results.filter((r) => r.awardedIndex === 0)).toHaveLength(5);
    const unpaid = results.filter((r) => r.awardedIndex === 1);
    expect(unpaid).toHaveLength(35);
    // The stock (30) never runs out: a spin the budget cannot pay gives its unit back.
    expect(unpaid.every((r) => r.fallbackReason === 'over_budget')).toBe(true);
    const budget = await pool.query<{ balance: string }>(
      `select balance from ledger_accounts where kind = 'campaign_budget' and campaign_id = $1`,
      [campaignId],
    );
    expect(Number(budget.rows[0]?.balance)).toBe(0);
    // Only paid spins keep their stock: 30 − 5.
    const stock = await pool.query('select remaining from wheel_stock where campaign_id = $1', [
      campaignId,
    ]);
    expect(stock.rows).toEqual([{ remaining: 25 }]);
    for (const userId of players) expect((await getWallet(pool, userId)).spins, userId).toBe(0);
    expect(await findLedgerDrift(pool)).toMatchObject({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });
  });

  it('refuses on a campaign that is not running', async () => {
    const campaignId = await wheelCampaign([seg('A', 1, { kind: 'points', amount: 1 }), tryAgain]);
    await pool.query(`update campaigns set status = 'paused' where id = $1`, [campaignId]);
    expect(await refusal(spinWheel(pool, { userId: await playerWithSpins(1), campaignId }))).toBe(
      'CAMPAIGN_NOT_ACTIVE',
    );
  });
});

describe('seed rotation', () => {
  it('reveals the old server seed, after which every past spin verifies; the new pair starts at nonce 0', async () => {
    const campaignId = await wheelCampaign([
      seg('10 points', 5, { kind: 'points', amount: 10 }),
      seg('50 points', 2, { kind: 'points', amount: 50 }, 2),
      seg('+1 spin', 2, { kind: 'spins', amount: 1 }),
      tryAgain,
    ]);
    const userId = await playerWithSpins(12);
    const committed = (await getWheelState(pool, userId, campaignId)).seed.serverSeedHash;
    for (let i = 0; i < 12; i++)
      await spinWheel(pool, { userId, campaignId, clientSeed: i < 6 ? 'first' : 'second' });
    const hidden = await listMySpins(pool, userId, campaignId);
    expect(hidden).toHaveLength(12);
    expect(hidden.every((s) => s.serverSeed === null && s.serverSeedHash === committed)).toBe(true);

    const rotated = await rotateSeed(pool, userId, campaignId);
    expect(rotated.revealed).toMatchObject({
      serverSeedHash: committed,
      clientSeed: 'second',
      spinCount: 12,
    });
    expect(rotated.current).toMatchObject({ clientSeed: 'second', nextNonce: 0 });
    expect(rotated.current.serverSeedHash).not.toBe(committed);

    const spins = await listMySpins(pool, userId, campaignId);
    for (const s of spins) {
      expect(s.serverSeed).toBe(rotated.revealed.serverSeed);
      const check = verifySpin({
        ...s,
        serverSeed: s.serverSeed as string,
        weights: s.segments.map((x) => x.weight),
        segmentIndex: s.drawnIndex,
      });
      expect(check).toMatchObject({ valid: true });
    }
    expect(new Set(spins.map((s) => s.clientSeed))).toEqual(new Set(['first', 'second']));
  });

  it('a revealed seed is frozen in the database itself', async () => {
    const campaignId = await wheelCampaign([seg('A', 1, { kind: 'points', amount: 1 }), tryAgain]);
    const userId = await playerWithSpins(0);
    await rotateSeed(pool, userId, campaignId);
    await expect(
      pool.query(
        `update wheel_seeds set next_nonce = 99 where user_id = $1 and revealed_at is not null`,
        [userId],
      ),
    ).rejects.toThrow(/frozen/);
    await expect(
      pool.query(`update wheel_seeds set server_seed = repeat('a', 64) where user_id = $1`, [
        userId,
      ]),
    ).rejects.toThrow(/cannot change/);
  });
});

describe('daily spin', () => {
  it('is claimable once per UTC day, concurrently too', async () => {
    const campaignId = await wheelCampaign([seg('A', 1, { kind: 'points', amount: 1 }), tryAgain]);
    const userId = await playerWithSpins(0);
    const day = new Date('2026-11-23T23:59:00Z');
    const claims = await Promise.all(
      [1, 2, 3].map(() => refusal(claimDailySpin(pool, { userId, campaignId, now: day }))),
    );
    expect(claims.filter((c) => c === null)).toHaveLength(1);
    expect(claims.filter((c) => c === 'DAILY_SPIN_ALREADY_CLAIMED')).toHaveLength(2);
    expect((await getWallet(pool, userId)).spins).toBe(1);
    expect((await getWheelState(pool, userId, campaignId, day)).dailySpin).toEqual({
      available: false,
      nextAt: '2026-11-24T00:00:00.000Z',
    });

    const nextDay = new Date('2026-11-24T00:00:30Z');
    expect(await claimDailySpin(pool, { userId, campaignId, now: nextDay })).toEqual({
      spinsAvailable: 2,
      nextAt: '2026-11-25T00:00:00.000Z',
    });
    expect(nextUtcMidnight(new Date('2026-12-31T12:00:00Z')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });
});
