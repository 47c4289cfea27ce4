import type { TDriftItem, TReconciliationReport } from '@playloop/shared';
import type { Pool, Queryable } from '../db/pool.js';
import { findLedgerDrift } from '../ledger/reconcile.js';
import type { Logger } from '../logging/logger.js';
import type { PayoutOrder, ProviderRegistry } from './provider.js';
import {
  checkLedgerAgainstPayouts,
  checkProviderRecords,
  type PayoutFacts,
} from './reconcile-checks.js';

/**
 * Compares the ledger, the payouts and each provider's own records over a window and stores what
 * disagrees: ledger drift, redemptions without their debit, points returned twice or not at all,
 * orders a provider holds that we did not record as paid (or at another amount, or twice), and
 * payouts we consider paid that the provider does not know.
 */
export async function reconcilePayouts(
  deps: { pool: Pool; providers: ProviderRegistry; logger: Logger },
  opts: { sinceHours?: number; timeoutMs?: number } = {},
): Promise<TReconciliationReport> {
  const sinceHours = opts.sinceHours ?? 72;
  const since = new Date(Date.now() - sinceHours * 3_600_000);
  const items: TDriftItem[] = [];
  const ledger = await findLedgerDrift(deps.pool);
  for (const a of ledger.accountsOffBalance)
    items.push({
      kind: 'ledger_drift',
      payoutId: null,
      provider: null,
      detail: `account ${a.accountId}: balance ${a.balance}, entries sum ${a.entriesSum}`,
    });
  for (const t of ledger.unbalancedTransactions)
    items.push({
      kind: 'ledger_drift',
      payoutId: null,
      provider: null,
      detail: `transaction ${t.transactionId} nets ${t.sum} ${t.asset}`,
    });
  if (ledger.negativeAccounts > 0)
    items.push({
      kind: 'ledger_drift',
      payoutId: null,
      provider: null,
      detail: `${ledger.negativeAccounts} accounts below zero`,
    });

  const payouts = await loadFacts(deps.pool, since);
  items.push(...checkLedgerAgainstPayouts(payouts));
  let providerRecords = 0;
  for (const [name, provider] of deps.providers) {
    let orders: PayoutOrder[];
    try {
      orders = await provider.listOrders({
        since: new Date(since.getTime() - 3_600_000),
        timeoutMs: opts.timeoutMs ?? 10_000,
      });
    } catch (err) {
      items.push({
        kind: 'provider_unreachable',
        payoutId: null,
        provider: name,
        detail: (err as Error).message,
      });
      continue;
    }
    providerRecords += orders.length;
    items.push(...checkProviderRecords(name, orders, payouts));
  }

  const checked = { payouts: payouts.length, providerRecords };
  const { rows } = await deps.pool.query<{ id: string; ran_at: Date }>(
    'insert into payout_reconciliation_reports (drift_count, checked, items) values ($1, $2, $3) returning id, ran_at',
    [items.length, JSON.stringify(checked), JSON.stringify(items.slice(0, 1_000))],
  );
  const report = {
    id: Number(rows[0]?.id),
    ranAt: (rows[0]?.ran_at ?? new Date()).toISOString(),
    driftCount: items.length,
    checked,
    items,
  };
  if (items.length > 0)
    deps.logger.error(
      {
        event: 'payout_drift',
        reportId: report.id,
        driftCount: items.length,
        kinds: [...new Set(items.map((i) => i.kind))],
      },
      'payout reconciliation found drift',
    );
  else
    deps.logger.info(
      { event: 'payout_reconciled', reportId: report.id, ...checked },
      'payout reconciliation clean',
    );
  return report;
}

async function loadFacts(db: Queryable, since: Date): Promise<PayoutFacts[]> {
  const { rows } = await db.query<PayoutFacts>(
    `select p.id, p.status, p.kind, p.provider, p.idempotency_key, p.amount_cents, p.currency, p.points_cost, p.refund_tx_id,
       (select coalesce(sum(e.amount), 0) from ledger_entries e join ledger_accounts a on a.id = e.account_id
         where e.transaction_id = p.redemption_tx_id and a.kind = 'player' and a.user_id = p.user_id) as debited,
       (select coalesce(sum(e.amount), 0) from ledger_entries e join ledger_accounts a on a.id = e.account_id
         where e.transaction_id = p.refund_tx_id and a.kind = 'player' and a.user_id = p.user_id) as refunded,
       exists (select 1 from reward_coupon_codes c where c.payout_id = p.id) as has_code
     from payouts p where p.created_at >= $1`,
    [since],
  );
  return rows;
}
