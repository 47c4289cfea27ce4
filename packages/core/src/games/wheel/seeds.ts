import { randomBytes } from 'node:crypto';
import { hashServerSeed, type TWheelSeedState } from '@playloop/shared';
import type { PoolClient, Queryable } from '../../db/pool.js';

/** A seed pair row as stored; `serverSeed` must not leave the server while `revealedAt` is null. */
export interface SeedRow {
  id: number;
  serverSeed: string;
  serverSeedHash: string;
  clientSeed: string;
  nextNonce: number;
  revealedAt: Date | null;
}

const COLUMNS = 'id, server_seed, server_seed_hash, client_seed, next_nonce, revealed_at';
type Raw = {
  id: string;
  server_seed: string;
  server_seed_hash: string;
  client_seed: string;
  next_nonce: number;
  revealed_at: Date | null;
};
const toRow = (r: Raw): SeedRow => ({
  id: Number(r.id),
  serverSeed: r.server_seed,
  serverSeedHash: r.server_seed_hash,
  clientSeed: r.client_seed,
  nextNonce: r.next_nonce,
  revealedAt: r.revealed_at,
});

/** 256 bits from the OS CSPRNG, as 64 hex characters. */
export const newServerSeed = (): string => randomBytes(32).toString('hex');
/** A random default client seed, so a player who never picks one still gets an unpredictable draw. */
export const newClientSeed = (): string => randomBytes(8).toString('hex');

export const toSeedState = (s: SeedRow): TWheelSeedState => ({
  serverSeedHash: s.serverSeedHash,
  clientSeed: s.clientSeed,
  nextNonce: s.nextNonce,
});

async function insertSeed(
  db: Queryable,
  userId: string,
  campaignId: string,
  clientSeed: string,
): Promise<void> {
  const serverSeed = newServerSeed();
  await db.query(
    `insert into wheel_seeds (user_id, campaign_id, server_seed, server_seed_hash, client_seed)
     values ($1, $2, $3, $4, $5)
     on conflict (user_id, campaign_id) where revealed_at is null do nothing`,
    [userId, campaignId, serverSeed, hashServerSeed(serverSeed), clientSeed],
  );
}

/**
 * The player's active seed pair for a campaign, created on first use. With `lock`, the row is
 * locked `for update` (inside the caller's transaction): spins and rotations of one player
 * serialise on it, so two spins can never take the same nonce.
 */
export async function activeSeed(
  db: Queryable,
  userId: string,
  campaignId: string,
  opts: { lock?: boolean } = {},
): Promise<SeedRow> {
  const select = `select ${COLUMNS} from wheel_seeds where user_id = $1 and campaign_id = $2 and revealed_at is null${opts.lock ? ' for update' : ''}`;
  const found = await db.query<Raw>(select, [userId, campaignId]);
  if (found.rows[0]) return toRow(found.rows[0]);
  await insertSeed(db, userId, campaignId, newClientSeed());
  const again = await db.query<Raw>(select, [userId, campaignId]);
  return toRow(again.rows[0] as Raw);
}

/** Sets the client seed of the (locked) active pair; later spins use it. */
export async function updateClientSeed(
  tx: PoolClient,
  seed: SeedRow,
  clientSeed: string,
): Promise<SeedRow> {
  if (seed.clientSeed === clientSeed) return seed;
  await tx.query('update wheel_seeds set client_seed = $2 where id = $1', [seed.id, clientSeed]);
  return { ...seed, clientSeed };
}

/**
 * Reveals the active server seed and commits to a fresh one with the same client seed. Returns
 * the revealed pair and the new active one.
 */
export async function rotateSeedPair(
  tx: PoolClient,
  userId: string,
  campaignId: string,
): Promise<{ revealed: SeedRow; current: SeedRow }> {
  const old = await activeSeed(tx, userId, campaignId, { lock: true });
  const { rows } = await tx.query<{ revealed_at: Date }>(
    'update wheel_seeds set revealed_at = now() where id = $1 returning revealed_at',
    [old.id],
  );
  await insertSeed(tx, userId, campaignId, old.clientSeed);
  const current = await activeSeed(tx, userId, campaignId, { lock: true });
  return { revealed: { ...old, revealedAt: rows[0]?.revealed_at ?? new Date() }, current };
}
