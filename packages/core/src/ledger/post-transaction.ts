import { newId } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import type { PoolClient } from '../db/pool.js';

export type LedgerKind =
  | 'budget_funding'
  | 'referral_reward'
  | 'hold_release'
  | 'quiz_reward'
  | 'spin_grant'
  | 'spin_use'
  | 'prize'
  | 'redemption'
  | 'refund'
  | 'adjustment';

export interface Leg {
  accountId: number;
  amount: number;
}

export interface PostInput {
  idempotencyKey: string;
  kind: LedgerKind;
  campaignId?: string | null;
  memo?: Record<string, unknown>;
  legs: Leg[];
}

export type PostResult = { transactionId: string; duplicate: boolean };

/** For callers whose own rows must commit with the posting (a wheel spin): see `postTransaction`. */
export interface PostOptions {
  /** Runs after the transaction row exists and before the entries lock any account. */
  beforeEntries?(transactionId: string): Promise<void>;
  /** Leave the posting's savepoint open (the commit releases it): one round trip less. */
  keepSavepoint?: boolean;
}

/**
 * Posts one balanced transaction inside the caller's database transaction. The idempotency key
 * is unique: a second posting with the same key (even concurrently: the unique index makes the
 * second wait for the first) changes nothing and reports `duplicate`. An overdraft anywhere
 * throws INSUFFICIENT_FUNDS and leaves the caller's transaction usable (savepoint; whatever
 * `beforeEntries` wrote is rolled back with it).
 */
export async function postTransaction(
  tx: PoolClient,
  input: PostInput,
  opts: PostOptions = {},
): Promise<PostResult> {
  const legs = input.legs.filter((l) => l.amount !== 0).sort((a, b) => a.accountId - b.accountId);
  if (legs.reduce((sum, l) => sum + l.amount, 0) !== 0)
    throw new AppError('INTERNAL', { internal: 'unbalanced legs' });
  await tx.query('savepoint ledger_post');
  try {
    const id = newId('ltx');
    const inserted = await tx.query<{ id: string }>(
      `insert into ledger_transactions (id, idempotency_key, kind, campaign_id, memo) values ($1, $2, $3, $4, $5)
       on conflict (idempotency_key) do nothing returning id`,
      [
        id,
        input.idempotencyKey,
        input.kind,
        input.campaignId ?? null,
        JSON.stringify(input.memo ?? {}),
      ],
    );
    if (!inserted.rows[0]) {
      const existing = await tx.query<{ id: string }>(
        'select id from ledger_transactions where idempotency_key = $1',
        [input.idempotencyKey],
      );
      await tx.query('release savepoint ledger_post');
      return { transactionId: (existing.rows[0] as { id: string }).id, duplicate: true };
    }
    await opts.beforeEntries?.(id);
    // Accounts are touched in id order so concurrent postings cannot deadlock each other. From
    // here until commit their rows are locked: callers keep what follows short.
    await tx.query(
      `insert into ledger_entries (transaction_id, account_id, amount)
       select $1, unnest($2::bigint[]), unnest($3::bigint[])`,
      [id, legs.map((l) => l.accountId), legs.map((l) => l.amount)],
    );
    if (!opts.keepSavepoint) await tx.query('release savepoint ledger_post');
    return { transactionId: id, duplicate: false };
  } catch (err) {
    await tx.query('rollback to savepoint ledger_post');
    if ((err as { constraint?: string }).constraint === 'ledger_accounts_non_negative') {
      throw new AppError('INSUFFICIENT_FUNDS', { cause: err });
    }
    throw err;
  }
}
