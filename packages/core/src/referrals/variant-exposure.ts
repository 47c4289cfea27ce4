import type { Queryable } from '../db/pool.js';

/** First exposure wins: a visitor keeps the variant they first saw. */
export async function recordExposure(
  db: Queryable,
  campaignId: string,
  variantId: string,
  visitorId: string,
): Promise<void> {
  await db.query(
    `insert into variant_exposures (campaign_id, variant_id, visitor_id) values ($1, $2, $3) on conflict do nothing`,
    [campaignId, variantId, visitorId],
  );
}

/** A visitor who saw a variant signed up: that is the A/B test's conversion. */
export async function recordConversion(
  db: Queryable,
  visitorId: string,
  userId: string,
): Promise<void> {
  await db.query(
    `update variant_exposures set user_id = $2, converted_at = now() where visitor_id = $1 and converted_at is null`,
    [visitorId, userId],
  );
}
