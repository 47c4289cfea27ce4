import type { Queryable } from '../db/pool.js';

export interface LedgerDrift {
  accountsOffBalance: Array<{ accountId: number; balance: number; entriesSum: number }>;
  unbalancedTransactions: Array<{ transactionId: string; asset: string; sum: number }>;
  negativeAccounts: number;
}

/** Balances must equal the sum of their entries; transactions must net to zero per asset. */
export async function findLedgerDrift(db: Queryable): Promise<LedgerDrift> {
  const off = await db.query<{ id: string; balance: string; total: string }>(
    `select a.id, a.balance, coalesce(sum(e.amount), 0) as total
     from ledger_accounts a left join ledger_entries e on e.account_id = a.id
     group by a.id having a.balance <> coalesce(sum(e.amount), 0)`,
  );
  const unbalanced = await db.query<{ transaction_id: string; asset: string; total: string }>(
    `select e.transaction_id, a.asset, sum(e.amount) as total
     from ledger_entries e join ledger_accounts a on a.id = e.account_id
     group by e.transaction_id, a.asset having sum(e.amount) <> 0`,
  );
  const negative = await db.query<{ n: string }>(
    `select count(*) as n from ledger_accounts where kind <> 'house' and balance < 0`,
  );
  return {
    accountsOffBalance: off.rows.map((r) => ({
      accountId: Number(r.id),
      balance: Number(r.balance),
      entriesSum: Number(r.total),
    })),
    unbalancedTransactions: unbalanced.rows.map((r) => ({
      transactionId: r.transaction_id,
      asset: r.asset,
      sum: Number(r.total),
    })),
    negativeAccounts: Number(negative.rows[0]?.n ?? 0),
  };
}
