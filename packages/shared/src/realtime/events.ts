import { z } from 'zod';
import { ZNotification, type TNotification } from '../notifications/schemas.js';
import { ZWallet, type TWallet } from '../ledger/schemas.js';
import { ZReferralItem, type TReferralItem } from '../referrals/schemas.js';
import type { Ack } from './result.js';
import { ZPayoutView, type TPayoutView } from '../rewards/catalogue.js';
import {
  ZDashboardSnapshot,
  ZDashboardWatch,
  type TDashboardSnapshot,
} from '../admin/dashboard.js';
import { ZWheelSpinPayload, type TWheelSpinResult } from '../games/wheel/schemas.js';
import * as quiz from '../games/quiz/index.js';

export const ZRankChange = z.object({
  campaignId: z.string(),
  rank: z.number().int(),
  previousRank: z.number().int().nullable(),
  score: z.number().int(),
});
export type TRankChange = z.infer<typeof ZRankChange>;

/** Client → server payload schemas, one per event, parsed on arrival. */
export const ClientEventSchemas = {
  'conn:ping': z.strictObject({ sentAt: z.number().finite() }),
  'dashboard:watch': ZDashboardWatch,
  'dashboard:unwatch': z.strictObject({}),
  'wheel:spin': ZWheelSpinPayload,
  'quiz:join': quiz.ZQuizJoinPayload,
  'quiz:leave': quiz.ZQuizLeavePayload,
  'quiz:answer': quiz.ZQuizAnswerPayload,
  'quiz:solo:start': quiz.ZQuizSoloStartPayload,
  'quiz:solo:answer': quiz.ZQuizSoloAnswerPayload,
} as const;

export type ClientEventName = keyof typeof ClientEventSchemas;
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof ClientEventSchemas)[E]>;

/** What each client event's acknowledgement carries on success. */
export interface ClientAckData {
  'conn:ping': { serverTime: number };
  /** The first snapshot; `dashboard:update` follows while watching. Staff roles only. */
  'dashboard:watch': TDashboardSnapshot;
  'dashboard:unwatch': { watching: false };
  /** The server's draw: land the wheel on `awardedIndex`. */
  'wheel:spin': TWheelSpinResult;
  /** The live session's current state (resync after a reconnect); events follow while joined. */
  'quiz:join': quiz.TQuizSnapshot;
  'quiz:leave': { left: true };
  /** The answer is recorded once, with the server-measured time. The result comes with the reveal. */
  'quiz:answer': quiz.TQuizAnswerAck;
  'quiz:solo:start': quiz.TQuizSoloQuestion;
  /** The reveal of that question, then the next one or the final result. */
  'quiz:solo:answer': quiz.TQuizSoloResult;
}

/** `session:ended`: why every connection of the account is closing. */
export const ZSessionEnded = z.object({ reason: z.literal('deleted') });
export type TSessionEnded = z.infer<typeof ZSessionEnded>;

/** Typed client → server map for `socket.io` and `socket.io-client`. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: Ack<ClientAckData[E]>) => void;
};

/** Server → client payload schemas, so clients and tests can validate what arrives. */
export const ServerEventSchemas = {
  'notify:new': ZNotification,
  'dashboard:update': ZDashboardSnapshot,
  'referral:updated': ZReferralItem,
  'wallet:updated': ZWallet,
  'leaderboard:rank': ZRankChange,
  'payout:updated': ZPayoutView,
  'quiz:lobby': quiz.ZQuizLobbyEvent,
  'quiz:question': quiz.ZQuizQuestionEvent,
  'quiz:reveal': quiz.ZQuizRevealEvent,
  'quiz:ended': quiz.ZQuizEndedEvent,
  'session:ended': ZSessionEnded,
} as const;

/** Typed server → client map. */
export interface ServerToClientEvents {
  'notify:new': (notification: TNotification) => void;
  /** Live campaign figures for a watching staff socket. */
  'dashboard:update': (snapshot: TDashboardSnapshot) => void;
  /** A referral of yours changed (a friend joined, qualified, was rewarded). */
  'referral:updated': (referral: TReferralItem) => void;
  /** Your balances changed. */
  'wallet:updated': (wallet: TWallet) => void;
  /** Your rank on a campaign leaderboard moved. */
  'leaderboard:rank': (change: TRankChange) => void;
  /** One of your redemptions moved (processing, fulfilled with its code, failed with points back). */
  'payout:updated': (payout: TPayoutView) => void;
  /** A live quiz lobby's countdown and player count. */
  'quiz:lobby': (lobby: quiz.TQuizLobbyEvent) => void;
  /** The next question, to everyone at once, with the server deadline (never the answer). */
  'quiz:question': (question: quiz.TQuizQuestionEvent) => void;
  /** After the deadline: the correct answer, how everyone answered, your result, the top ten. */
  'quiz:reveal': (reveal: quiz.TQuizRevealEvent) => void;
  /** Final standings and your reward. */
  'quiz:ended': (ended: quiz.TQuizEndedEvent) => void;
  /** Your account was erased (on this or another device): sign out here; the server hangs up. */
  'session:ended': (ended: TSessionEnded) => void;
}

/** Room naming shared by the realtime server and every emitter. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
} as const;
