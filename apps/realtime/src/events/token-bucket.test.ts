import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then refuses until time refills it', () => {
    let now = 1_000;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now += 499; // 0.998 tokens: not yet one
    expect(bucket.tryTake()).toBe(false);
    now += 2; // crosses one token
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('never refills beyond capacity, however long the socket was idle', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 100, () => now);
    now += 60_000;
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  });

  it('ignores a clock that steps backwards instead of granting or stealing tokens', () => {
    let now = 10_000;
    const bucket = new TokenBucket(1, 1, () => now);
    expect(bucket.tryTake()).toBe(true);
    now -= 5_000;
    expect(bucket.tryTake()).toBe(false);
  });
});
