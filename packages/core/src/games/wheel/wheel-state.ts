import type {
  TPublicWheelSegment,
  TRotateSeedResponse,
  TWheelSeedState,
  TWheelState,
} from '@playloop/shared';
import { WHEEL_DRAW_ALGORITHM } from '@playloop/shared';
import { withTransaction, type Pool } from '../../db/pool.js';
import { getWallet } from '../../ledger/wallet.js';
import { dailySpinStatus } from './daily-spin.js';
import { loadStock, requireCurrentWheel } from './load-wheel.js';
import { activeSeed, rotateSeedPair, toSeedState, updateClientSeed } from './seeds.js';

/**
 * What the wheel page shows: the published segments (with stock left), the commitment to the
 * player's current server seed (created on first visit, so the hash is known before any spin),
 * their spins and the daily spin. Viewable while the campaign is not running; spinning is not.
 */
export async function getWheelState(
  pool: Pool,
  userId: string,
  campaignId: string,
  now = new Date(),
): Promise<TWheelState> {
  const wheel = await requireCurrentWheel(pool, campaignId);
  const [stock, seed, wallet, dailySpin] = await Promise.all([
    loadStock(pool, campaignId, wheel.version),
    activeSeed(pool, userId, campaignId),
    getWallet(pool, userId),
    dailySpinStatus(pool, userId, campaignId, now),
  ]);
  const segments: TPublicWheelSegment[] = wheel.segments.map((s, i) => ({
    label: s.label,
    weight: s.weight,
    colour: s.colour,
    prize: s.prize,
    stockLeft: s.stock === null ? null : (stock.get(i) ?? 0),
    isFallback: s.isFallback,
  }));
  return {
    campaignId,
    version: wheel.version,
    algorithm: WHEEL_DRAW_ALGORITHM,
    segments,
    seed: toSeedState(seed),
    spinsAvailable: wallet.spins,
    dailySpin,
  };
}

/** Sets the client seed of the player's active pair (locked, so a spin in flight keeps its own). */
export async function setClientSeed(
  pool: Pool,
  userId: string,
  campaignId: string,
  clientSeed: string,
): Promise<TWheelSeedState> {
  await requireCurrentWheel(pool, campaignId);
  return withTransaction(pool, async (tx) => {
    const seed = await activeSeed(tx, userId, campaignId, { lock: true });
    return toSeedState(await updateClientSeed(tx, seed, clientSeed));
  });
}

/** Reveals the active server seed (every spin made with it becomes verifiable) and commits to a new one. */
export async function rotateSeed(
  pool: Pool,
  userId: string,
  campaignId: string,
): Promise<TRotateSeedResponse> {
  await requireCurrentWheel(pool, campaignId);
  const { revealed, current } = await withTransaction(pool, (tx) =>
    rotateSeedPair(tx, userId, campaignId),
  );
  return {
    revealed: {
      serverSeed: revealed.serverSeed,
      serverSeedHash: revealed.serverSeedHash,
      clientSeed: revealed.clientSeed,
      spinCount: revealed.nextNonce,
    },
    current: toSeedState(current),
  };
}
