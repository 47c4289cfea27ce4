import { z } from 'zod';
import { ZNotification, type TNotification } from '../notifications/schemas.js';
import type { Ack } from './result.js';

/** Client → server payload schemas, one per event, parsed on arrival. */
export const ClientEventSchemas = {
  'conn:ping': z.strictObject({ sentAt: z.number().finite() }),
} as const;

export type ClientEventName = keyof typeof ClientEventSchemas;
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof ClientEventSchemas)[E]>;

/** What each client event's acknowledgement carries on success. */
export interface ClientAckData {
  'conn:ping': { serverTime: number };
}

/** Typed client → server map for `socket.io` and `socket.io-client`. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: Ack<ClientAckData[E]>) => void;
};

/** Server → client payload schemas, so clients and tests can validate what arrives. */
export const ServerEventSchemas = {
  'notify:new': ZNotification,
} as const;

/** Typed server → client map. */
export interface ServerToClientEvents {
  'notify:new': (notification: TNotification) => void;
}

/** Room naming shared by the realtime server and every emitter. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
} as const;
