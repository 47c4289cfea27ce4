import type { Queryable } from '../db/pool.js';
import { getWallet } from '../ledger/wallet.js';
import type { RealtimeNotifier } from '../notifications/service.js';
import type { Leaderboard } from './leaderboard.js';
import { getReferralItem } from './list-referrals.js';

/**
 * Tells the people concerned that a referral changed: the referrer sees the referral, whoever's
 * balance moved sees their wallet, and a reward moves the referrer up the campaign's board
 * (everyone whose rank moved is told). Reads state fresh from Postgres, so a late or repeated
 * announcement still shows the truth.
 */
export async function announceReferralChange(
  deps: { db: Queryable; notifier: RealtimeNotifier; leaderboard: Leaderboard },
  job: { referralId: string; walletUserIds: string[]; leaderboard: boolean },
): Promise<void> {
  const { rows } = await deps.db.query<{ referrer_id: string; display_name: string }>(
    'select r.referrer_id, u.display_name from referrals r join users u on u.id = r.referrer_id where r.id = $1',
    [job.referralId],
  );
  const owner = rows[0];
  const item = await getReferralItem(deps.db, job.referralId);
  if (!owner || !item) return;
  deps.notifier.toUser(owner.referrer_id, 'referral:updated', item);
  for (const userId of new Set(job.walletUserIds)) {
    deps.notifier.toUser(userId, 'wallet:updated', await getWallet(deps.db, userId));
  }
  if (job.leaderboard) {
    for (const { userId, change } of await deps.leaderboard.bump(item.campaignId, owner.referrer_id, owner.display_name, job.referralId)) {
      deps.notifier.toUser(userId, 'leaderboard:rank', change);
    }
  }
}
