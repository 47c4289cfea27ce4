import { isTransientCategory, type TFailureCategory } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';
import type { Logger } from '../logging/logger.js';

export interface PayoutExceptionInput {
  payoutId: string;
  attemptNo: number | null;
  provider: string;
  category: TFailureCategory;
  code: string;
  detail: string;
  playerSegment: string;
  device: string;
}

/**
 * Records a classified failure as a structured event, in Postgres (for support and the KPIs) and
 * in the log (for whoever is watching), with the same fields in both.
 */
export async function recordPayoutException(
  db: Queryable,
  logger: Logger,
  e: PayoutExceptionInput,
): Promise<void> {
  const transient = isTransientCategory(e.category);
  const { rows } = await db.query<{ id: string; occurred_at: Date }>(
    `insert into payout_exceptions (code, category, provider, payout_id, attempt_no, player_segment, device, transient, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id, occurred_at`,
    [
      e.code.slice(0, 100),
      e.category,
      e.provider,
      e.payoutId,
      e.attemptNo,
      e.playerSegment,
      e.device,
      transient,
      e.detail.slice(0, 1000),
    ],
  );
  logger.warn(
    {
      event: 'payout_exception',
      exceptionId: Number(rows[0]?.id),
      time: rows[0]?.occurred_at.toISOString(),
      code: e.code,
      category: e.category,
      transient,
      provider: e.provider,
      payoutId: e.payoutId,
      attemptNo: e.attemptNo,
      playerSegment: e.playerSegment,
      device: e.device,
      detail: e.detail,
    },
    'payout exception',
  );
}

/** A payout settled: every open exception of it is resolved now, with how it ended. */
export async function resolvePayoutExceptions(
  db: Queryable,
  payoutId: string,
  resolution: 'fulfilled' | 'failed' | 'refunded',
): Promise<void> {
  await db.query(
    'update payout_exceptions set resolved_at = now(), resolution = $2 where payout_id = $1 and resolved_at is null',
    [payoutId, resolution],
  );
}
