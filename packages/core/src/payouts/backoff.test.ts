import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYOUT_POLICY } from '@playloop/shared';
import { retryDelayMs } from './backoff.js';

const noJitter = { ...DEFAULT_PAYOUT_POLICY.retry, jitterRatio: 0 };

describe('retry delay', () => {
  it('doubles from the base delay up to the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(noJitter, n, null))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
  });

  it('honours a longer Retry-After, capped by the policy, and ignores it when told to', () => {
    expect(retryDelayMs(noJitter, 1, 5_000)).toBe(5_000);
    expect(retryDelayMs(noJitter, 3, 1_000)).toBe(4_000);
    expect(retryDelayMs({ ...noJitter, maxRetryAfterMs: 10_000 }, 1, 3_600_000)).toBe(10_000);
    expect(retryDelayMs({ ...noJitter, honourRetryAfter: false }, 1, 5_000)).toBe(1_000);
  });

  it('keeps jittered delays within ± jitterRatio of the exponential delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const policy = DEFAULT_PAYOUT_POLICY.retry;
          const exact = retryDelayMs({ ...policy, jitterRatio: 0 }, retry, null);
          const jittered = retryDelayMs(policy, retry, null, () => r);
          return (
            jittered >= Math.floor(exact * (1 - policy.jitterRatio)) &&
            jittered <= Math.ceil(exact * (1 + policy.jitterRatio))
          );
        },
      ),
    );
  });
});
