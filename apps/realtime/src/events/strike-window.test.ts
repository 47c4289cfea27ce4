import { describe, expect, it } from 'vitest';
import { StrikeWindow } from './strike-window.js';

describe('StrikeWindow', () => {
  it('reports the limit reached on the n-th strike within the window', () => {
    let now = 0;
    const window = new StrikeWindow(3, 60_000, () => now);
    expect(window.strike()).toBe(false);
    now += 1_000;
    expect(window.strike()).toBe(false);
    now += 1_000;
    expect(window.strike()).toBe(true);
  });

  it('forgets strikes older than the window', () => {
    let now = 0;
    const window = new StrikeWindow(3, 60_000, () => now);
    window.strike();
    window.strike();
    now += 60_000;
    expect(window.strike()).toBe(false);
    expect(window.strike()).toBe(false);
    expect(window.strike()).toBe(true);
  });
});
