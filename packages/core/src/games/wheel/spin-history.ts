import type { TWheelPrize, TWheelSegment, TWheelSpinRecord } from '@playloop/shared';
import { AppError } from '../../errors/app-error.js';
import type { Queryable } from '../../db/pool.js';

type Raw = {
  id: string;
  campaign_id: string;
  created_at: Date;
  wheel_version: number;
  segments: TWheelSegment[];
  drawn_index: number;
  awarded_index: number;
  fallback_reason: TWheelSpinRecord['fallbackReason'];
  prize: TWheelPrize;
  server_seed_hash: string;
  server_seed: string | null;
  client_seed: string;
  nonce: number;
};

// The server seed is selected only once revealed: before that it would let a player predict
// (and cherry-pick) every future spin of the pair.
const SELECT = `
  select s.id, s.campaign_id, s.created_at, s.wheel_version, v.segments, s.drawn_index, s.awarded_index,
         s.fallback_reason, s.prize, k.server_seed_hash, s.client_seed, s.nonce,
         case when k.revealed_at is not null then k.server_seed end as server_seed
  from wheel_spins s
  join wheel_seeds k on k.id = s.seed_id
  join wheel_versions v on v.campaign_id = s.campaign_id and v.version = s.wheel_version`;

const toRecord = (r: Raw): TWheelSpinRecord => ({
  spinId: r.id as TWheelSpinRecord['spinId'],
  campaignId: r.campaign_id,
  createdAt: r.created_at.toISOString(),
  wheelVersion: r.wheel_version,
  segments: r.segments.map((s) => ({
    label: s.label,
    weight: s.weight,
    colour: s.colour,
    prize: s.prize,
  })),
  drawnIndex: r.drawn_index,
  awardedIndex: r.awarded_index,
  fallbackReason: r.fallback_reason,
  prize: r.prize,
  serverSeedHash: r.server_seed_hash,
  serverSeed: r.server_seed,
  clientSeed: r.client_seed,
  nonce: r.nonce,
});

/** The player's latest spins on a campaign's wheel, newest first. */
export async function listMySpins(
  db: Queryable,
  userId: string,
  campaignId: string,
  limit = 50,
): Promise<TWheelSpinRecord[]> {
  const { rows } = await db.query<Raw>(
    `${SELECT} where s.user_id = $1 and s.campaign_id = $2 order by s.created_at desc, s.seed_id desc, s.nonce desc limit $3`,
    [userId, campaignId, limit],
  );
  return rows.map(toRecord);
}

/** One of the player's spins; someone else's is NOT_FOUND, as if it did not exist. */
export async function getMySpin(
  db: Queryable,
  userId: string,
  spinId: string,
): Promise<TWheelSpinRecord> {
  const { rows } = await db.query<Raw>(`${SELECT} where s.id = $1 and s.user_id = $2`, [
    spinId,
    userId,
  ]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return toRecord(rows[0]);
}
