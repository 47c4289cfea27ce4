import type { TWaitingRoomMode } from '@playloop/shared';
import type { Redis } from '../redis/client.js';
import { luaScript } from '../redis/lua-script.js';
import { WAITING_ROOM_KEYS, WAITING_ROOM_SCRIPTS } from './waiting-room-scripts.js';

export interface WaitingRoomOptions {
  redis: Redis;
  prefix: string;
  /** Used until an operator sets a mode (kept in Redis, shared by every pod). */
  defaultMode: TWaitingRoomMode;
  defaultAdmitPerSecond: number;
  /** A visitor that has not polled for this long gives up its place. */
  abandonMs: number;
  /** How stale a pod's view of the settings may be; operator changes reach every pod within it. */
  settingsTtlMs?: number;
  /** Tests pin the clock; production uses Redis's own TIME so pods never disagree. */
  now?: () => number;
}

export interface WaitingRoomSettings {
  mode: TWaitingRoomMode;
  admitPerSecond: number;
  /** `auto` mode: some pod reported load past its threshold within the hold time. */
  isUnderLoad: boolean;
}

/** A visitor's place: `position` 0 means admitted. */
export interface Place {
  ticket: number;
  position: number;
}

const place = luaScript(WAITING_ROOM_SCRIPTS.PLACE);
const forget = luaScript(WAITING_ROOM_SCRIPTS.FORGET);
const admitAll = luaScript(WAITING_ROOM_SCRIPTS.ADMIT_ALL);

/**
 * The virtual waiting room: a FIFO queue in Redis shared by every api pod. Joining twice with the
 * same visitor id keeps the first place, which is how a refreshed page and a hundred tabs end up
 * with one place. Visitors are admitted at `admitPerSecond`, platform-wide.
 */
export function createWaitingRoom(opts: WaitingRoomOptions) {
  const k = (name: string) => `${opts.prefix}wr:${name}`;
  const keys = WAITING_ROOM_KEYS.map(k);
  const settingsTtlMs = opts.settingsTtlMs ?? 1000;
  let cached: { at: number; value: WaitingRoomSettings } | undefined;
  let inFlight: Promise<WaitingRoomSettings> | undefined;

  async function readSettings(): Promise<WaitingRoomSettings> {
    const [cfg, hot] = await Promise.all([
      opts.redis.hmget(k('cfg'), 'mode', 'rate'),
      opts.redis.exists(k('hot')),
    ]);
    const mode = (
      cfg[0] === 'on' || cfg[0] === 'off' || cfg[0] === 'auto' ? cfg[0] : opts.defaultMode
    ) as TWaitingRoomMode;
    const rate = Number(cfg[1]);
    return {
      mode,
      admitPerSecond: Number.isFinite(rate) && rate > 0 ? rate : opts.defaultAdmitPerSecond,
      isUnderLoad: hot === 1,
    };
  }

  async function settings(): Promise<WaitingRoomSettings> {
    const now = Date.now();
    if (cached && now - cached.at < settingsTtlMs) return cached.value;
    // Single flight: a burst of requests after expiry costs one Redis read, not one each.
    inFlight ??= readSettings()
      .then((value) => {
        cached = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  const isQueueingFor = (s: WaitingRoomSettings) =>
    s.mode === 'on' || (s.mode === 'auto' && s.isUnderLoad);

  async function run(visitorId: string, create: boolean): Promise<Place | null> {
    const s = await settings();
    const rate = s.admitPerSecond;
    const now = opts.now ? String(opts.now()) : '';
    const [ticket, position] = (await place(opts.redis, keys, [
      now,
      rate,
      Math.max(1, rate),
      opts.abandonMs,
      visitorId,
      create ? '1' : '0',
    ])) as [number, number];
    return ticket < 0 ? null : { ticket, position };
  }

  return {
    settings,
    /** Whether new visitors are being queued now (with the settings' staleness). */
    async isQueueing(): Promise<boolean> {
      return isQueueingFor(await settings());
    },
    isQueueingFor,
    /** Takes a place for the visitor, or returns the one it already holds. */
    join: (visitorId: string) => run(visitorId, true) as Promise<Place>,
    /** The visitor's place, or null when it holds none (never joined, or gave it up). */
    status: (visitorId: string) => run(visitorId, false),
    /** Drops an admitted visitor's ticket once its admission token has been handed out. */
    async forget(visitorId: string): Promise<void> {
      await forget(opts.redis, keys, [visitorId]);
    },
    /** Operator switch. Turning the room off admits everyone still waiting. */
    async update(change: {
      mode?: TWaitingRoomMode;
      admitPerSecond?: number;
    }): Promise<WaitingRoomSettings> {
      const fields: Record<string, string> = {};
      if (change.mode) fields.mode = change.mode;
      if (change.admitPerSecond) fields.rate = String(change.admitPerSecond);
      if (Object.keys(fields).length) await opts.redis.hset(k('cfg'), fields);
      if (change.mode === 'off') await admitAll(opts.redis, keys, []);
      cached = undefined;
      return settings();
    },
    /** Called by a pod whose load passed the threshold: `auto` mode queues until `holdMs` after the last call. */
    async reportLoad(holdMs: number): Promise<void> {
      await opts.redis.set(k('hot'), '1', 'PX', holdMs);
    },
    async counts(): Promise<{ waiting: number; joinedTotal: number; admittedTotal: number }> {
      const [waiting, seq, admitted] = await Promise.all([
        opts.redis.zcard(k('q')),
        opts.redis.get(k('seq')),
        opts.redis.get(k('admitted')),
      ]);
      return { waiting, joinedTotal: Number(seq ?? 0), admittedTotal: Number(admitted ?? 0) };
    },
  };
}
export type WaitingRoom = ReturnType<typeof createWaitingRoom>;
