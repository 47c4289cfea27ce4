import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRedisPrefix } from '../testing/index.js';
import { createRedis, type Redis } from '../redis/client.js';
import { createLeaderboard, type LeaderboardBump, type Leaderboard } from './leaderboard.js';

let redis: Redis;
let board: Leaderboard;
const ns = createTestRedisPrefix();
beforeAll(() => {
  redis = createRedis(ns.url);
  board = createLeaderboard({ redis, prefix: ns.prefix });
});
afterAll(async () => {
  redis?.disconnect();
  await ns.cleanup();
});

const at = (seconds: number) => new Date(1_800_000_000_000 + seconds * 1000);
const bumpOf = (userId: string, referralId: string): LeaderboardBump => ({
  userId,
  displayName: userId.toUpperCase(),
  referralId,
});

describe('leaderboard (real Redis)', () => {
  it('ranks by count, breaks ties by who got there first, and tells whoever was passed', async () => {
    const c = 'cmp_ties';
    expect(await board.bump(c, 'ann', 'Ann', 'ref_1', at(0))).toEqual([
      { userId: 'ann', change: { campaignId: c, rank: 1, previousRank: null, score: 1 } },
    ]);
    // Bob reaches one later than Ann: second, and nobody else moved.
    expect(await board.bump(c, 'bob', 'Bob', 'ref_2', at(5))).toEqual([
      { userId: 'bob', change: { campaignId: c, rank: 2, previousRank: null, score: 1 } },
    ]);
    // Bob's second friend takes him past Ann, who is told she slipped.
    expect(await board.bump(c, 'bob', 'Bob', 'ref_3', at(9))).toEqual([
      { userId: 'bob', change: { campaignId: c, rank: 1, previousRank: 2, score: 2 } },
      { userId: 'ann', change: { campaignId: c, rank: 2, previousRank: 1, score: 1 } },
    ]);
    const read = await board.read(c, 'ann');
    expect(read.top.map((e) => [e.displayName, e.score, e.isMe])).toEqual([
      ['Bob', 2, false],
      ['Ann', 1, true],
    ]);
    expect(read.me).toEqual({ rank: 2, score: 1 });
  });

  it('counts a referral once, however often it is bumped (a retried job)', async () => {
    const c = 'cmp_once';
    await board.bump(c, 'ann', 'Ann', 'ref_x', at(0));
    expect(await board.bump(c, 'ann', 'Ann', 'ref_x', at(1))).toEqual([]);
    const moves = await board.bumpMany(c, [bumpOf('ann', 'ref_x'), bumpOf('ann', 'ref_y')], at(2));
    expect(moves[0]).toEqual([]);
    expect(moves[1]?.[0]?.change.score).toBe(2);
    expect((await board.read(c, 'ann')).me).toEqual({ rank: 1, score: 2 });
  });

  it('a batch of bumps moves the board exactly as the same bumps one by one', async () => {
    // 80 bumps over 9 players, with repeats of referrals already counted, in a fixed order.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const bumps = Array.from({ length: 80 }, (_, i) => {
      const referral = next() % 10 === 0 && i > 0 ? `ref_${next() % i}` : `ref_${i}`;
      return bumpOf(`p${next() % 9}`, referral);
    });
    const single: unknown[] = [];
    for (const b of bumps)
      single.push(await board.bump('cmp_one', b.userId, b.displayName, b.referralId, at(0)));
    const batched = await board.bumpMany('cmp_many', bumps, at(0));

    const relabel = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll('cmp_one', 'cmp_many'));
    expect(batched).toEqual(relabel(single));
    expect(batched.filter((m) => m.length === 0).length).toBeGreaterThan(0);
    expect(batched.some((m) => m.length > 2)).toBe(true);
    const [one, many] = await Promise.all([
      board.read('cmp_one', null, 10),
      board.read('cmp_many', null, 10),
    ]);
    expect(many.top).toEqual(one.top);
  });
});
