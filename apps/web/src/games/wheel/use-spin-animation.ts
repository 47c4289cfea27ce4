import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { decelerationMs, easeOutCubic, landingRotation, segmentAtPointer } from './wheel-geometry';

const TOP_SPEED = 900; // degrees per second while waiting for the server
const RAMP_MS = 450; // time to reach top speed
const LANDING_TARGET_MS = 4_200; // about how long the final deceleration lasts
const STOP_MS = 900; // a spin the server refused coasts to a stop this fast
const POINTER_KICK = 22; // degrees the pointer flicks when a segment edge passes it

type Motion =
  | { phase: 'idle' }
  | {
      phase: 'free';
      startedAt: number;
      speed: number;
      pending: { index: number | null; done: () => void } | null;
    }
  | {
      phase: 'landing';
      startedAt: number;
      from: number;
      distance: number;
      duration: number;
      done: () => void;
    };

/**
 * Drives the wheel with requestAnimationFrame, writing transforms straight to the DOM (no React
 * render per frame). `start` spins freely the moment the player presses the button; `land(i)`
 * hands over to an ease-out that starts at the current speed and ends exactly on segment `i`;
 * `stop` coasts to a halt when the server refused. With reduced motion the wheel jumps instead.
 */
export function useSpinAnimation(opts: {
  count: number;
  wheel: RefObject<SVGGElement | null>;
  pointer: RefObject<SVGGElement | null>;
  reducedMotion: boolean;
}) {
  const rotation = useRef(0);
  const pointerAngle = useRef(0);
  const motion = useRef<Motion>({ phase: 'idle' });
  const frame = useRef<number | null>(null);
  const last = useRef(0);
  const { count, wheel, pointer, reducedMotion } = opts;

  const paint = useCallback(() => {
    wheel.current?.setAttribute('transform', `rotate(${rotation.current % 360})`);
    pointer.current?.setAttribute('transform', `rotate(${-pointerAngle.current})`);
  }, [wheel, pointer]);

  const move = useCallback(
    (to: number) => {
      if (segmentAtPointer(to, count) !== segmentAtPointer(rotation.current, count))
        pointerAngle.current = POINTER_KICK;
      rotation.current = to;
    },
    [count],
  );

  const tick = useCallback(
    (now: number) => {
      const dt = Math.min(0.05, (now - last.current) / 1000);
      last.current = now;
      const m = motion.current;
      pointerAngle.current = Math.max(0, pointerAngle.current - dt * 260);
      if (m.phase === 'free') {
        m.speed = Math.min(TOP_SPEED, TOP_SPEED * ((now - m.startedAt) / RAMP_MS));
        move(rotation.current + m.speed * dt);
        if (m.pending && m.speed >= TOP_SPEED) {
          const { index, done } = m.pending;
          const turns = Math.floor((m.speed * LANDING_TARGET_MS) / 3000 / 360);
          const target =
            index === null
              ? rotation.current + (m.speed * STOP_MS) / 3000
              : landingRotation(rotation.current, index, count, turns, Math.random() * 0.6 - 0.3);
          const distance = target - rotation.current;
          motion.current = {
            phase: 'landing',
            startedAt: now,
            from: rotation.current,
            distance,
            duration: decelerationMs(distance, m.speed),
            done,
          };
        }
      } else if (m.phase === 'landing') {
        const t = (now - m.startedAt) / m.duration;
        move(m.from + m.distance * easeOutCubic(t));
        if (t >= 1) {
          rotation.current = m.from + m.distance; // exactly the target, whatever the frame timing
          motion.current = { phase: 'idle' };
          m.done();
        }
      }
      paint();
      frame.current =
        motion.current.phase === 'idle' && pointerAngle.current === 0
          ? null
          : requestAnimationFrame(tick);
    },
    [count, move, paint],
  );

  const ensureRunning = useCallback(() => {
    if (frame.current !== null) return;
    last.current = performance.now();
    frame.current = requestAnimationFrame(tick);
  }, [tick]);

  useEffect(() => () => void (frame.current !== null && cancelAnimationFrame(frame.current)), []);

  const start = useCallback(() => {
    if (reducedMotion) return;
    motion.current = { phase: 'free', startedAt: performance.now(), speed: 0, pending: null };
    ensureRunning();
  }, [ensureRunning, reducedMotion]);

  /** Resolves once the wheel rests: on segment `index`, or anywhere when `index` is null. */
  const settle = useCallback(
    (index: number | null) =>
      new Promise<void>((resolve) => {
        const m = motion.current;
        if (reducedMotion || m.phase !== 'free') {
          if (index !== null) rotation.current = landingRotation(rotation.current, index, count, 0);
          paint();
          resolve();
          return;
        }
        m.pending = { index, done: resolve };
      }),
    [count, paint, reducedMotion],
  );

  return { start, land: (index: number) => settle(index), stop: () => settle(null) };
}
