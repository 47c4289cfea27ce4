import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decelerationMs,
  easeOutCubic,
  landingRotation,
  segmentAtPointer,
  textColourOn,
} from './wheel-geometry';

describe('landingRotation', () => {
  it('always stops the pointer on the server’s segment, after at least the asked turns', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 16 })
          .chain((count) => fc.tuple(fc.constant(count), fc.nat({ max: count - 1 }))),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        ([count, index], from, turns, offset) => {
          const rotation = landingRotation(from, index, count, turns, offset);
          expect(segmentAtPointer(rotation, count)).toBe(index);
          expect(rotation).toBeGreaterThanOrEqual(from + turns * 360);
          expect(rotation).toBeLessThan(from + (turns + 1) * 360 + 1e-6);
        },
      ),
    );
  });

  it('reads segment 0 at rest and moves backwards through the segments as the wheel turns clockwise', () => {
    expect(segmentAtPointer(0, 8)).toBe(0);
    expect(segmentAtPointer(1, 8)).toBe(7);
    expect(segmentAtPointer(-50, 8)).toBe(1);
  });
});

describe('easing', () => {
  it('starts at the spin speed, so the hand-over from free spin to landing is seamless', () => {
    const distance = 1500;
    const speed = 720;
    const ms = decelerationMs(distance, speed);
    const dt = 1e-6;
    const initialSpeed = ((easeOutCubic(dt) * distance) / (dt * ms)) * 1000;
    expect(initialSpeed).toBeCloseTo(speed, 0);
    expect(easeOutCubic(1)).toBe(1);
    expect(easeOutCubic(2)).toBe(1);
  });
});

describe('textColourOn', () => {
  it('picks the readable colour', () => {
    expect(textColourOn('#ffffff')).toBe('#000000');
    expect(textColourOn('#f59e0b')).toBe('#000000');
    expect(textColourOn('#0f766e')).toBe('#ffffff');
    expect(textColourOn('#000000')).toBe('#ffffff');
  });
});
