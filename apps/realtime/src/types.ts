import type { EventRouter } from './events/router.js';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '@playloop/shared';
import type { Principal } from '@playloop/core';

/** What the handshake learns about the bearer; set once, read by every handler. */
export interface SocketData {
  userId: string;
  role: Role;
}

/** No server-to-server events: the Redis adapter carries broadcasts between pods, the user bus the api's and workers' user events. */
export type InterServerEvents = Record<string, never>;

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export type { Principal };

/** Verifies an access token (own or Supabase) and names its bearer; throws `AppError` when it cannot. */
export type Authenticate = (token: string) => Promise<Principal>;

/**
 * A feature plugs its socket events into the server without the server knowing it: games,
 * presence and dashboards each add one. `attach` runs once per connected socket; `start` once
 * when the server is built (timers, leases); `stop` before shutdown.
 */
export interface RealtimeFeature {
  name: string;
  attach(socket: RealtimeSocket, router: EventRouter): void;
  start?(io: RealtimeServer): void;
  stop?(): Promise<void>;
}
