import { describe, expect, it } from 'vitest';
import { createHotValue } from './hot-cache.js';

describe('hot value (bounded staleness)', () => {
  it('loads once for a burst of readers and serves memory until the bound', async () => {
    let t = 0;
    let loads = 0;
    const v = createHotValue(async () => ++loads, { ttlMs: 1000, now: () => t });
    expect(await Promise.all([v.get(), v.get(), v.get()])).toEqual([1, 1, 1]);
    t = 999;
    expect(await v.get()).toBe(1);
    expect(loads).toBe(1);
  });

  it('past the bound, serves the previous value while one refresh runs, then the new one', async () => {
    let t = 0;
    let loads = 0;
    const v = createHotValue(async () => ++loads, { ttlMs: 1000, now: () => t });
    await v.get();
    t = 1500;
    expect(await v.get()).toBe(1);
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(await v.get()).toBe(2);
  });

  it('surfaces a failing load once the value is older than maxStaleMs', async () => {
    let t = 0;
    let fail = false;
    const v = createHotValue(
      async () => {
        if (fail) throw new Error('db down');
        return 'ok';
      },
      { ttlMs: 100, maxStaleMs: 1000, now: () => t },
    );
    await v.get();
    fail = true;
    t = 500;
    expect(await v.get()).toBe('ok');
    t = 2000;
    await expect(v.get()).rejects.toThrow('db down');
  });
});
