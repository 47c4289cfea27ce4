import { createTestRedisPrefix } from '@playloop/core/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWaitingRoom } from './waiting-room.js';

const ns = createTestRedisPrefix();
let redis: Redis;
beforeAll(() => {
  redis = new Redis(ns.url);
});
afterAll(async () => {
  redis.disconnect();
  await ns.cleanup();
});

/** A room on a clock the test moves by hand, in its own key space. */
function roomAt(name: string, admitPerSecond: number, abandonMs = 60_000) {
  let t = 1_700_000_000_000;
  const room = createWaitingRoom({
    redis,
    prefix: `${ns.prefix}${name}:`,
    defaultMode: 'on',
    defaultAdmitPerSecond: admitPerSecond,
    abandonMs,
    now: () => t,
  });
  return { room, advance: (ms: number) => void (t += ms) };
}

describe('waiting room', () => {
  it('admits in arrival order at the configured rate', async () => {
    const { room, advance } = roomAt('fifo', 2);
    // The first two find banked credit (one second's worth) and go straight in.
    const visitors = Array.from({ length: 8 }, (_, i) => `visitor-${i}-aaaaaaaaaaaa`);
    const places = [];
    for (const v of visitors) places.push(await room.join(v));
    expect(places.map((p) => p.ticket)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(places.slice(0, 2).map((p) => p.position)).toEqual([0, 0]);
    expect(places.slice(2).map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6]);

    // Every second two more get in, always the ones who came first.
    const admittedAfter = async () => {
      const out: string[] = [];
      for (const v of visitors) if ((await room.status(v))?.position === 0) out.push(v);
      return out;
    };
    advance(1000);
    expect(await admittedAfter()).toEqual(visitors.slice(0, 4));
    for (const n of [5, 6, 7, 8]) {
      advance(500);
      expect(await admittedAfter()).toEqual(visitors.slice(0, n));
    }
    expect(await room.counts()).toEqual({ waiting: 0, joinedTotal: 8, admittedTotal: 8 });
  });

  it('keeps one place per visitor however often it joins (a refresh, a hundred tabs)', async () => {
    const { room } = roomAt('tabs', 1);
    await room.join('someone-ahead-aaaaaaaa');
    await room.join('someone-else-aaaaaaaaa');
    const first = await room.join('me-in-many-tabs-aaaa');
    const again = await Promise.all(
      Array.from({ length: 100 }, () => room.join('me-in-many-tabs-aaaa')),
    );
    expect(new Set(again.map((p) => p.ticket))).toEqual(new Set([first.ticket]));
    expect(again.every((p) => p.position === first.position)).toBe(true);
    expect((await room.counts()).joinedTotal).toBe(3);
  });

  it('shows the position falling as people ahead are admitted', async () => {
    const { room, advance } = roomAt('falling', 1);
    for (let i = 0; i < 4; i++) await room.join(`ahead-${i}-aaaaaaaaaaaa`);
    const mine = await room.join('watcher-aaaaaaaaaaaa');
    const seen = [mine.position];
    while ((seen.at(-1) ?? 0) > 0) {
      advance(1000);
      for (let i = 0; i < 4; i++) await room.status(`ahead-${i}-aaaaaaaaaaaa`);
      seen.push((await room.status('watcher-aaaaaaaaaaaa'))?.position ?? -1);
    }
    expect(seen).toEqual([4, 3, 2, 1, 0]);
  });

  it('gives the place of a visitor who stopped polling to the ones behind', async () => {
    const { room, advance } = roomAt('abandon', 0.001, 10_000);
    await room.join('first-aaaaaaaaaaaaaa'); // admitted on banked credit
    await room.join('walks-away-aaaaaaaaa');
    await room.join('stays-aaaaaaaaaaaaaa');
    expect((await room.status('stays-aaaaaaaaaaaaaa'))?.position).toBe(2);
    advance(6_000);
    await room.status('stays-aaaaaaaaaaaaaa');
    advance(6_000);
    expect((await room.status('stays-aaaaaaaaaaaaaa'))?.position).toBe(1);
    expect(await room.status('walks-away-aaaaaaaaa')).toBeNull();
  });

  it('reports no place for a visitor that never joined, and forgets an admitted one', async () => {
    const { room } = roomAt('forget', 5);
    expect(await room.status('stranger-aaaaaaaaaaa')).toBeNull();
    expect((await room.join('lucky-aaaaaaaaaaaaaa')).position).toBe(0);
    await room.forget('lucky-aaaaaaaaaaaaaa');
    expect(await room.status('lucky-aaaaaaaaaaaaaa')).toBeNull();
  });

  it('turning the room off lets everyone in; operator settings reach every pod', async () => {
    const { room } = roomAt('switch', 0.001);
    for (let i = 0; i < 5; i++) await room.join(`waiting-${i}-aaaaaaaaaaa`);
    expect((await room.counts()).waiting).toBe(4);
    await room.update({ mode: 'on' });
    const other = createWaitingRoom({
      redis,
      prefix: `${ns.prefix}switch:`,
      defaultMode: 'off',
      defaultAdmitPerSecond: 1,
      abandonMs: 60_000,
      settingsTtlMs: 0,
    });
    expect(await other.isQueueing()).toBe(true);

    const after = await room.update({ mode: 'off', admitPerSecond: 25 });
    expect(after).toEqual({ mode: 'off', admitPerSecond: 25, isUnderLoad: false });
    expect(await other.settings()).toEqual(after);
    expect((await room.counts()).waiting).toBe(0);
    expect(await room.status('waiting-4-aaaaaaaaaaa')).toBeNull();
  });

  it('auto mode queues only while some pod reports load', async () => {
    const room = createWaitingRoom({
      redis,
      prefix: `${ns.prefix}auto:`,
      defaultMode: 'auto',
      defaultAdmitPerSecond: 5,
      abandonMs: 60_000,
      settingsTtlMs: 0,
    });
    expect(await room.isQueueing()).toBe(false);
    await room.reportLoad(60_000);
    expect(await room.isQueueing()).toBe(true);
    await redis.del(`${ns.prefix}auto:wr:hot`);
    expect(await room.isQueueing()).toBe(false);
  });
});
