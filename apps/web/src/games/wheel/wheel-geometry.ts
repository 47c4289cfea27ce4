/**
 * Where things are on the wheel. Angles are degrees clockwise from 12 o'clock, where the pointer
 * is; segment `i` of `n` spans [i·360/n, (i+1)·360/n). Rotating the wheel by `r` degrees
 * clockwise puts wheel angle `−r (mod 360)` under the pointer.
 */

const mod = (a: number, m: number) => ((a % m) + m) % m;

/** The segment under the pointer for a wheel rotated by `rotation` degrees. */
export function segmentAtPointer(rotation: number, count: number): number {
  return Math.floor(mod(-rotation, 360) / (360 / count)) % count;
}

/**
 * The rotation, at least `minTurns` full turns past `from`, at which the pointer rests on
 * segment `index`. `offset` in (−0.5, 0.5) moves the resting point off the segment's centre
 * (a little randomness looks natural); it is clamped so the pointer never sits on a boundary.
 */
export function landingRotation(
  from: number,
  index: number,
  count: number,
  minTurns: number,
  offset = 0,
): number {
  const size = 360 / count;
  const safeOffset = Math.max(-0.4, Math.min(0.4, offset));
  const target = mod(-(index + 0.5 + safeOffset) * size, 360);
  let rotation = from - mod(from, 360) + target;
  while (rotation < from + minTurns * 360) rotation += 360;
  return rotation;
}

/** Ease-out cubic: fast start, long gentle stop. Its slope at 0 is 3 (see `decelerationMs`). */
export const easeOutCubic = (t: number) => 1 - (1 - Math.min(1, Math.max(0, t))) ** 3;

/**
 * How long the ease-out must last to start at `degreesPerSecond` and cover `distance` degrees,
 * so the wheel does not jerk when the server's answer arrives mid-spin.
 */
export function decelerationMs(distance: number, degreesPerSecond: number): number {
  return (3 * distance * 1000) / degreesPerSecond;
}

/** A point on the circle of radius `r` at `angle` degrees clockwise from 12 o'clock. */
export function polar(angle: number, r: number): [number, number] {
  const rad = (angle * Math.PI) / 180;
  return [r * Math.sin(rad), -r * Math.cos(rad)];
}

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function textColourOn(hex: string): '#000000' | '#ffffff' {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): pick the larger.
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
