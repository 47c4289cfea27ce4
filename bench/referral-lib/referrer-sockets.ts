// Referrers with the app open: one socket each, tallying what the referral loop tells them.
import { performance } from 'node:perf_hooks';
import { ServerEventSchemas } from '@playloop/shared';
import { io, type Socket } from 'socket.io-client';
import type { Referrer } from './referrers.js';

export interface Tally {
  wallets: number;
  lastPoints: number;
  rewardedReferralIds: string[];
  ranks: number;
}

export interface ReferrerSockets {
  tallies: Map<string, Tally>;
  /** When each rewarded referral reached its referrer (performance.now()), by referral id. */
  rewardedAt: Map<string, number>;
  walletsReceived(): number;
  lastWalletAt(): number;
  invalidPayloads(): number;
  /** Resolves once `count` wallet updates have arrived in all, or with false after `timeoutMs`. */
  untilWallets(count: number, timeoutMs: number): Promise<boolean>;
  close(): void;
}

export async function connectReferrers(
  url: string,
  referrers: Referrer[],
): Promise<ReferrerSockets> {
  const tallies = new Map<string, Tally>();
  const rewardedAt = new Map<string, number>();
  const sockets: Socket[] = [];
  let wallets = 0;
  let lastWalletAt = 0;
  let invalid = 0;
  let waiter: { count: number; resolve: (ok: boolean) => void } | null = null;

  await Promise.all(
    referrers.map(
      (r) =>
        new Promise<void>((resolve, reject) => {
          const tally: Tally = { wallets: 0, lastPoints: 0, rewardedReferralIds: [], ranks: 0 };
          tallies.set(r.id, tally);
          const socket = io(url, {
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
            auth: { token: r.token },
          });
          sockets.push(socket);
          socket.on('wallet:updated', (payload: unknown) => {
            const parsed = ServerEventSchemas['wallet:updated'].safeParse(payload);
            if (!parsed.success) return void (invalid += 1);
            tally.wallets += 1;
            tally.lastPoints = Math.max(tally.lastPoints, parsed.data.points);
            wallets += 1;
            lastWalletAt = performance.now();
            if (waiter && wallets >= waiter.count) waiter.resolve(true);
          });
          socket.on('referral:updated', (payload: unknown) => {
            const parsed = ServerEventSchemas['referral:updated'].safeParse(payload);
            if (!parsed.success) return void (invalid += 1);
            if (parsed.data.status !== 'rewarded') return;
            tally.rewardedReferralIds.push(parsed.data.id);
            rewardedAt.set(parsed.data.id, performance.now());
          });
          socket.on('leaderboard:rank', (payload: unknown) => {
            if (!ServerEventSchemas['leaderboard:rank'].safeParse(payload).success)
              return void (invalid += 1);
            tally.ranks += 1;
          });
          socket.once('connect', () => resolve());
          socket.once('connect_error', (err) => reject(err));
        }),
    ),
  );

  return {
    tallies,
    rewardedAt,
    walletsReceived: () => wallets,
    lastWalletAt: () => lastWalletAt,
    invalidPayloads: () => invalid,
    untilWallets(count, timeoutMs) {
      if (wallets >= count) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiter = { count, resolve: (ok) => (clearTimeout(timer), resolve(ok)) };
      });
    },
    close() {
      for (const s of sockets) s.close();
    },
  };
}
