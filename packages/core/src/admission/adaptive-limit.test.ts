import { describe, expect, it } from 'vitest';
import { createAdaptiveLimit } from './adaptive-limit.js';

describe('adaptive concurrency limit', () => {
  it('shrinks while finished requests are slower than the target, never below the floor', () => {
    const l = createAdaptiveLimit({ min: 4, max: 64, targetLatencyMs: 50 });
    const seen = [];
    for (let w = 0; w < 12; w++) {
      for (let i = 0; i < 10; i++) l.onDone(300);
      l.adjust();
      seen.push(l.value);
    }
    expect(seen.slice(0, 3)).toEqual([48, 36, 27]);
    expect(seen.at(-1)).toBe(4);
  });

  it('grows back while the limit is reached and latency is fine, up to the ceiling', () => {
    const l = createAdaptiveLimit({ min: 4, max: 20, targetLatencyMs: 50, initial: 4 });
    for (let w = 0; w < 30; w++) {
      l.onAdmit(l.value);
      for (let i = 0; i < 10; i++) l.onDone(10);
      l.adjust();
    }
    expect(l.value).toBe(20);
  });

  it('stays put when the limit is not reached (no evidence more would help)', () => {
    const l = createAdaptiveLimit({ min: 4, max: 64, targetLatencyMs: 50, initial: 10 });
    l.onAdmit(3);
    l.onDone(5);
    l.adjust();
    expect(l.value).toBe(10);
  });
});
