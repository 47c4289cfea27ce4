import type { TLedgerLine, TWallet } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

/** A player's balances: points spendable now, points on hold, spins. */
export async function getWallet(db: Queryable, userId: string): Promise<TWallet> {
  return (await getWallets(db, [userId])).get(userId) as TWallet;
}

/** `getWallet` for many players in one query; players without accounts get zero balances. */
export async function getWallets(db: Queryable, userIds: string[]): Promise<Map<string, TWallet>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await db.query<{
    user_id: string;
    asset: string;
    bucket: string;
    balance: string;
  }>(
    `select user_id, asset, bucket, balance from ledger_accounts where kind = 'player' and user_id = any($1::text[])`,
    [userIds],
  );
  const wallets = new Map<string, TWallet>(
    userIds.map((id) => [id, { points: 0, pointsHeld: 0, spins: 0 }]),
  );
  for (const r of rows) {
    const w = wallets.get(r.user_id) as TWallet;
    if (r.asset === 'points' && r.bucket === 'available') w.points = Number(r.balance);
    else if (r.asset === 'points' && r.bucket === 'held') w.pointsHeld = Number(r.balance);
    else if (r.asset === 'spins' && r.bucket === 'available') w.spins = Number(r.balance);
  }
  return wallets;
}

/** The player's ledger history, newest first: one line per entry on their own accounts. */
export async function listLedgerHistory(
  db: Queryable,
  userId: string,
  limit = 50,
): Promise<TLedgerLine[]> {
  const { rows } = await db.query<{
    id: string;
    kind: TLedgerLine['kind'];
    asset: TLedgerLine['asset'];
    bucket: TLedgerLine['bucket'];
    amount: string;
    created_at: Date;
    memo: Record<string, unknown>;
  }>(
    `select t.id, t.kind, a.asset, a.bucket, e.amount, e.created_at, t.memo
     from ledger_entries e
     join ledger_accounts a on a.id = e.account_id
     join ledger_transactions t on t.id = e.transaction_id
     where a.kind = 'player' and a.user_id = $1
     order by e.id desc limit $2`,
    [userId, limit],
  );
  return rows.map((r) => ({
    transactionId: r.id,
    kind: r.kind,
    asset: r.asset,
    bucket: r.bucket,
    amount: Number(r.amount),
    createdAt: r.created_at.toISOString(),
    description: typeof r.memo.description === 'string' ? r.memo.description : r.kind,
  }));
}
