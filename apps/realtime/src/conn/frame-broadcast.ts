import type { ServerToClientEvents } from '@playloop/shared';
import * as ws from 'ws';
import type { RealtimeServer, RealtimeSocket } from '../types.js';

/**
 * The parts of engine.io and `ws` a direct write relies on, checked at run time on every socket:
 * the same conditions engine.io itself checks before it writes a broadcast's pre-built frame
 * (`_canSendPreEncodedFrame`), plus "nothing of this connection is waiting to be written".
 */
interface WsSender {
  sendFrame(list: Buffer[], cb?: (err?: Error) => void): void;
}
interface EngineConnection {
  readyState: string;
  writeBuffer?: unknown[];
  transport: {
    name: string;
    writable: boolean;
    perMessageDeflate?: unknown;
    socket?: { readyState: number; _sender?: WsSender };
  };
}

const WS_OPEN = 1;

interface FrameBuilder {
  frame(
    data: Buffer,
    options: { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean },
  ): Buffer[];
}
/**
 * `ws` exports its frame builder (the one socket.io-adapter uses) as `Sender` from its ES module
 * and as `WebSocket.Sender` from its CommonJS one; its types declare neither.
 */
const wsExports = ws as unknown as { Sender?: FrameBuilder; default?: { Sender?: FrameBuilder } };
const Sender = (wsExports.Sender ?? wsExports.default?.Sender) as FrameBuilder;

/** The `ws` sender of a connection whose next bytes may be written now, or null. */
function idleSender(socket: RealtimeSocket): WsSender | null {
  const conn = socket.conn as unknown as EngineConnection;
  const { transport } = conn;
  if (conn.readyState !== 'open' || transport.name !== 'websocket') return null;
  if (!transport.writable || transport.perMessageDeflate) return null;
  if (!Array.isArray(conn.writeBuffer) || conn.writeBuffer.length !== 0) return null;
  const ws = transport.socket;
  if (ws?.readyState !== WS_OPEN || typeof ws._sender?.sendFrame !== 'function') return null;
  return ws._sender;
}

/** One unmasked, final text frame holding `text`, header and payload in one buffer. */
function textFrame(text: string): Buffer {
  const parts = Sender.frame(Buffer.from(text), {
    fin: true,
    rsv1: false,
    opcode: 1,
    mask: false,
    readOnly: false,
  });
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

export interface FrameBroadcastResult {
  /** Sockets given the pre-built frame directly. */
  direct: number;
  /** Sockets reached through Socket.IO's own path (polling, or a write already in flight). */
  queued: number;
}

type PayloadOf<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Calls `write` for every socket of this pod in `room` that can take a frame now, `fallback` for
 * the others (long-polling, mid-upgrade, a write still in flight), in the room's order.
 */
function eachInRoom(
  io: RealtimeServer,
  room: string,
  write: (sender: WsSender, socket: RealtimeSocket) => void,
  fallback: (socket: RealtimeSocket) => void,
): FrameBroadcastResult {
  const result: FrameBroadcastResult = { direct: 0, queued: 0 };
  const nsp = io.of('/');
  for (const id of nsp.adapter.rooms.get(room) ?? []) {
    const socket = nsp.sockets.get(id);
    if (!socket) continue;
    const sender = idleSender(socket);
    if (sender) {
      write(sender, socket);
      result.direct += 1;
    } else {
      fallback(socket);
      result.queued += 1;
    }
  }
  return result;
}

// Socket.IO's wire format for an event on the main namespace: Engine.IO "message" (4), then
// Socket.IO "event" (2) and the JSON array [event, payload]. Quiz payloads are plain JSON.
const wireText = (event: string, payload: unknown) => `42${JSON.stringify([event, payload])}`;

/** The fallback: Socket.IO's own per-socket emit (its typed signature cannot take a generic event). */
const emitTo = (socket: RealtimeSocket, event: string, payload: unknown) =>
  (socket.emit as (ev: string, data: unknown) => boolean)(event, payload);

/**
 * Sends one event with one payload to every socket of this pod in `room`, for the broadcasts
 * where thousands of players wait for the same bytes at the same moment (a quiz question).
 *
 * Socket.IO already encodes a broadcast once, but then spends per socket about as much as the
 * write itself (a packet object, a flush, events, a two-buffer `writev`, a drain callback):
 * measured on 10,000 sockets, 190 ms for `io.local.to(room).emit` against 125 ms for the writes
 * alone. Here the event is encoded once, framed once as a single buffer, and written straight to
 * each WebSocket whose connection has nothing else waiting, so ordering with everything sent
 * before is kept. Any other socket gets an ordinary `socket.emit`. Local only: each pod delivers
 * to its own players.
 */
export function broadcastFrame<E extends keyof ServerToClientEvents>(
  io: RealtimeServer,
  room: string,
  event: E,
  payload: PayloadOf<E>,
): FrameBroadcastResult {
  if (!io.of('/').adapter.rooms.get(room)?.size) return { direct: 0, queued: 0 };
  const frame = textFrame(wireText(event, payload));
  return eachInRoom(
    io,
    room,
    (sender) => sender.sendFrame([frame]),
    (socket) => emitTo(socket, event, payload),
  );
}

/**
 * Sends every socket of this pod in `room` the same `common` payload plus one field of its own
 * (a reveal with the player's own result). The common part is encoded once; per socket only the
 * field is, and spliced in, which costs a tenth of encoding the whole payload through
 * `socket.emit` for each of 10,000 players. Same ordering rule and fallback as `broadcastFrame`.
 */
export function sendPersonalFrames<
  E extends keyof ServerToClientEvents,
  K extends keyof PayloadOf<E> & string,
>(
  io: RealtimeServer,
  room: string,
  event: E,
  common: Omit<PayloadOf<E>, K>,
  field: K,
  valueFor: (socket: RealtimeSocket) => PayloadOf<E>[K],
): FrameBroadcastResult {
  const shared: Record<string, unknown> = { ...common };
  delete shared[field];
  // `42["event",{...shared` without its closing `}]`; each socket adds `,"field":value}]`.
  const open = wireText(event, shared).slice(0, -2);
  const separator = Object.keys(shared).length > 0 ? ',' : '';
  const key = `${separator}${JSON.stringify(field)}:`;
  // An undefined field is sent as null on both paths (JSON would drop the key on one of them).
  const own = (socket: RealtimeSocket): unknown => valueFor(socket) ?? null;
  return eachInRoom(
    io,
    room,
    (sender, socket) =>
      sender.sendFrame([textFrame(`${open}${key}${JSON.stringify(own(socket))}}]`)]),
    (socket) => emitTo(socket, event, { ...shared, [field]: own(socket) }),
  );
}
