import type { TReconciliationReport } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

export async function listReconciliationReports(
  db: Queryable,
  limit = 20,
): Promise<TReconciliationReport[]> {
  const { rows } = await db.query<{
    id: string;
    ran_at: Date;
    drift_count: number;
    checked: TReconciliationReport['checked'];
    items: TReconciliationReport['items'];
  }>(
    'select id, ran_at, drift_count, checked, items from payout_reconciliation_reports order by ran_at desc limit $1',
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    ranAt: r.ran_at.toISOString(),
    driftCount: r.drift_count,
    checked: r.checked,
    items: r.items,
  }));
}
