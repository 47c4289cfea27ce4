import type { Queryable } from '../db/pool.js';

/**
 * Payouts that should be moving but have not for `staleMs`: their job was lost (an api that died
 * between commit and enqueue, a job that exhausted its infrastructure retries). The sweeper puts
 * them back on the queue; the job id makes that harmless if the job is in fact still there.
 */
export async function findStalledPayouts(
  db: Queryable,
  staleMs: number,
  limit = 500,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from payouts where status in ('requested', 'processing')
       and coalesce(next_attempt_at, updated_at) < now() - $1 * interval '1 millisecond'
     order by updated_at limit $2`,
    [staleMs, limit],
  );
  return rows.map((r) => r.id);
}
