import { redeemReward } from '@playloop/core';
import type { PayoutStack } from './stack.js';

/**
 * `count` redemptions of one reward spread over `players` players (each funded for their share),
 * made through the same core call the api uses and enqueued as the api does. Returns payout ids.
 */
export async function redeemMany(
  stack: PayoutStack,
  opts: { count: number; players: number; itemId: string; costPoints: number },
): Promise<string[]> {
  const perPlayer = Math.ceil(opts.count / opts.players);
  const players = await Promise.all(
    Array.from({ length: opts.players }, () => stack.user({ points: perPlayer * opts.costPoints })),
  );
  const providers = new Set(['sandbox', 'backup']);
  const ids: string[] = [];
  // One lane per player: a player's redemptions are serialised by the service anyway.
  await Promise.all(
    players.map(async (player, lane) => {
      for (let i = lane; i < opts.count; i += opts.players) {
        const outcome = await redeemReward(stack.pool, {
          userId: player.id,
          itemId: opts.itemId,
          requestKey: `bulk-${lane}-${i}-key`,
          device: 'desktop',
          configuredProviders: providers,
        });
        await stack.api.services.payouts.enqueuePayout(outcome.payout.id);
        ids.push(outcome.payout.id);
      }
    }),
  );
  return ids;
}
