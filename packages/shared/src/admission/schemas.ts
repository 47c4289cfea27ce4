import { z } from 'zod';

/**
 * How the waiting room is steered: `off` lets everyone in, `on` queues every new visitor, `auto`
 * queues them only while the platform reports load past its threshold.
 */
export const ZWaitingRoomMode = z.enum(['off', 'on', 'auto']);
export type TWaitingRoomMode = z.infer<typeof ZWaitingRoomMode>;

/** A first-party visitor id the SPA keeps in localStorage, so every tab of a browser shares one place. */
export const ZVisitorId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 letters, digits, _ or -');

/** `POST /api/waiting-room/join`: the visitor id is optional; without one the server makes one. */
export const ZWaitingRoomJoinBody = z.strictObject({ visitorId: ZVisitorId.optional() });
export type TWaitingRoomJoinBody = z.infer<typeof ZWaitingRoomJoinBody>;

/**
 * Where a visitor stands.
 * - `open`: the room is not queueing, or the visitor already holds a valid admission: go ahead.
 * - `admitted`: the visitor's turn came with this very call; the admission cookie is now set.
 * - `waiting`: in the queue at `position` (1 = next), about `etaSeconds` to go.
 * - `not-joined`: the room is queueing and this browser holds no place yet: call join.
 */
export const ZWaitingRoomStatus = z.object({
  state: z.enum(['open', 'admitted', 'waiting', 'not-joined']),
  position: z.number().int().min(1).nullable(),
  etaSeconds: z.number().int().min(0).nullable(),
  /** When to ask again; the server lengthens it for visitors far back in the queue. */
  pollAfterMs: z.number().int().min(0),
  admitPerSecond: z.number().min(0),
});
export type TWaitingRoomStatus = z.infer<typeof ZWaitingRoomStatus>;

/** `PUT /api/admin/admission`: any subset of the operator's settings. */
export const ZAdmissionSettingsBody = z
  .strictObject({
    mode: ZWaitingRoomMode.optional(),
    /** Visitors let in per second, platform-wide. */
    admitPerSecond: z.number().positive().max(100_000).optional(),
  })
  .refine(
    (b) => b.mode !== undefined || b.admitPerSecond !== undefined,
    'name at least one of mode, admitPerSecond',
  );
export type TAdmissionSettingsBody = z.infer<typeof ZAdmissionSettingsBody>;

/** What the operator panel shows: the room's state and this api process's shedding counters. */
export const ZAdmissionState = z.object({
  mode: ZWaitingRoomMode,
  /** Whether new visitors are being queued right now (`on`, or `auto` while under load). */
  isQueueing: z.boolean(),
  /** Why it is queueing: the operator said so, or load passed the threshold. */
  reason: z.enum(['operator', 'load']).nullable(),
  admitPerSecond: z.number(),
  waiting: z.number().int().min(0),
  joinedTotal: z.number().int().min(0),
  admittedTotal: z.number().int().min(0),
  shedding: z.object({
    inFlight: z.number().int().min(0),
    /** The expensive-request limit in force: it adapts to latency, below the configured ceiling. */
    inFlightLimit: z.number().int().min(0),
    eventLoopDelayMs: z.number().min(0),
    isOverloaded: z.boolean(),
    shedTotal: z.number().int().min(0),
    rateLimitedTotal: z.number().int().min(0),
  }),
});
export type TAdmissionState = z.infer<typeof ZAdmissionState>;
