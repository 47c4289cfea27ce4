import { z } from 'zod';
import { ZNotification, type TNotification } from '../notifications/schemas.js';
import { ZWallet, type TWallet } from '../ledger/schemas.js';
import { ZReferralItem, type TReferralItem } from '../referrals/schemas.js';
import type { Ack } from './result.js';

export const ZRankChange = z.object({ campaignId: z.string(), rank: z.number().int(), previousRank: z.number().int().nullable(), score: z.number().int() });
export type TRankChange = z.infer<typeof ZRankChange>;

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
  'referral:updated': ZReferralItem,
  'wallet:updated': ZWallet,
  'leaderboard:rank': ZRankChange,
} as const;

/** Typed server → client map. */
export interface ServerToClientEvents {
  'notify:new': (notification: TNotification) => void;
  /** A referral of yours changed (a friend joined, qualified, was rewarded). */
  'referral:updated': (referral: TReferralItem) => void;
  /** Your balances changed. */
  'wallet:updated': (wallet: TWallet) => void;
  /** Your rank on a campaign leaderboard moved. */
  'leaderboard:rank': (change: TRankChange) => void;
}

/** Room naming shared by the realtime server and every emitter. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
} as const;
