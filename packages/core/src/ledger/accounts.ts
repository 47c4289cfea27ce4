import type { Queryable } from '../db/pool.js';

export type Asset = 'points' | 'spins';
export type Bucket = 'available' | 'held';

async function findOrCreate(
  db: Queryable,
  where: string,
  params: unknown[],
  insert: string,
): Promise<number> {
  const found = await db.query<{ id: string }>(
    `select id from ledger_accounts where ${where}`,
    params,
  );
  if (found.rows[0]) return Number(found.rows[0].id);
  await db.query(`${insert} on conflict on constraint ledger_accounts_unique do nothing`, params);
  const again = await db.query<{ id: string }>(
    `select id from ledger_accounts where ${where}`,
    params,
  );
  return Number((again.rows[0] as { id: string }).id);
}

/** A player's wallet account for one asset and bucket, created on first use. */
export function playerAccount(
  db: Queryable,
  userId: string,
  asset: Asset,
  bucket: Bucket = 'available',
): Promise<number> {
  return findOrCreate(
    db,
    `kind = 'player' and user_id = $1 and asset = $2 and bucket = $3`,
    [userId, asset, bucket],
    `insert into ledger_accounts (kind, user_id, asset, bucket) values ('player', $1, $2, $3)`,
  );
}

export function campaignBudgetAccount(
  db: Queryable,
  campaignId: string,
  asset: Asset = 'points',
): Promise<number> {
  return findOrCreate(
    db,
    `kind = 'campaign_budget' and campaign_id = $1 and asset = $2 and bucket = 'available'`,
    [campaignId, asset],
    `insert into ledger_accounts (kind, campaign_id, asset) values ('campaign_budget', $1, $2)`,
  );
}

export function houseAccount(db: Queryable, asset: Asset): Promise<number> {
  return findOrCreate(
    db,
    `kind = 'house' and asset = $1 and user_id is null and campaign_id is null and bucket = 'available'`,
    [asset],
    `insert into ledger_accounts (kind, asset) values ('house', $1)`,
  );
}
