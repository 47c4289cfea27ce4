import type { TDailySpinResponse } from '@playloop/shared';
import { AppError } from '../../errors/app-error.js';
import { withTransaction, type Pool, type Queryable } from '../../db/pool.js';
import { houseAccount, playerAccount } from '../../ledger/accounts.js';
import { postTransaction } from '../../ledger/post-transaction.js';
import { getWallet } from '../../ledger/wallet.js';
import { assertCampaignRunning, requireCurrentWheel } from './load-wheel.js';

/** The UTC calendar day of `at` (`2026-11-23`): the daily spin resets at UTC midnight everywhere. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The next UTC midnight after `at`. */
export function nextUtcMidnight(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1));
}

const dailyKey = (userId: string, campaignId: string, at: Date) =>
  `daily-spin:${userId}:${campaignId}:${utcDay(at)}`;

/** Whether today's free spin is still to be claimed, and when the next one opens. */
export async function dailySpinStatus(
  db: Queryable,
  userId: string,
  campaignId: string,
  now: Date,
) {
  const { rowCount } = await db.query(
    'select 1 from ledger_transactions where idempotency_key = $1',
    [dailyKey(userId, campaignId, now)],
  );
  const available = rowCount === 0;
  return { available, nextAt: (available ? now : nextUtcMidnight(now)).toISOString() };
}

/**
 * Credits today's free spin from the house. The ledger's unique idempotency key
 * (`daily-spin:<user>:<campaign>:<utc-date>`) makes a second claim on the same UTC day, even a
 * concurrent one, a no-op that is answered DAILY_SPIN_ALREADY_CLAIMED.
 */
export async function claimDailySpin(
  pool: Pool,
  input: { userId: string; campaignId: string; now?: Date },
): Promise<TDailySpinResponse> {
  const now = input.now ?? new Date();
  const posted = await withTransaction(pool, async (tx) => {
    await assertCampaignRunning(tx, input.campaignId);
    await requireCurrentWheel(tx, input.campaignId);
    return postTransaction(tx, {
      idempotencyKey: dailyKey(input.userId, input.campaignId, now),
      kind: 'spin_grant',
      campaignId: input.campaignId,
      memo: { description: 'Daily free spin', day: utcDay(now) },
      legs: [
        { accountId: await houseAccount(tx, 'spins'), amount: -1 },
        { accountId: await playerAccount(tx, input.userId, 'spins'), amount: 1 },
      ],
    });
  });
  if (posted.duplicate)
    throw new AppError('DAILY_SPIN_ALREADY_CLAIMED', {
      retryAfterMs: nextUtcMidnight(now).getTime() - now.getTime(),
    });
  const wallet = await getWallet(pool, input.userId);
  return { spinsAvailable: wallet.spins, nextAt: nextUtcMidnight(now).toISOString() };
}
