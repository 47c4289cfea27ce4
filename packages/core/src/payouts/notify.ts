import type { Queryable } from '../db/pool.js';
import { getWallet } from '../ledger/wallet.js';
import type { RealtimeNotifier } from '../notifications/service.js';
import { getPayoutView } from '../rewards/payout-view.js';

/**
 * Tells the payout's owner what changed: `payout:updated` with the fresh view (read from
 * Postgres, so a late push still shows the truth) and, before it, `wallet:updated` when points moved.
 */
export async function announcePayout(
  db: Queryable,
  notifier: RealtimeNotifier,
  payoutId: string,
  opts: { wallet?: boolean } = {},
): Promise<void> {
  const { rows } = await db.query<{ user_id: string }>(
    'select user_id from payouts where id = $1',
    [payoutId],
  );
  const userId = rows[0]?.user_id;
  if (!userId) return;
  const view = await getPayoutView(db, payoutId);
  const wallet = opts.wallet ? await getWallet(db, userId) : null;
  // Both read first, then sent in one turn (one message on the user bus), the wallet first: when
  // the player reads "points returned", the balance already shows them.
  if (wallet) notifier.toUser(userId, 'wallet:updated', wallet);
  if (view) notifier.toUser(userId, 'payout:updated', view);
}
