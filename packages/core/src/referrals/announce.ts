import type { TRankChange, TWallet } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';
import { getWallets } from '../ledger/wallet.js';
import type { RealtimeNotifier } from '../notifications/service.js';
import type { Leaderboard, LeaderboardBump } from './leaderboard.js';
import { getReferralItems } from './list-referrals.js';

/**
 * Tells the people concerned that a referral changed: the referrer sees the referral, whoever's
 * balance moved sees their wallet, and a reward moves the referrer up the campaign's board
 * (everyone whose rank moved is told). Reads state fresh from Postgres, so a late or repeated
 * announcement still shows the truth.
 */
export async function announceReferralChange(
  deps: { db: Queryable; notifier: RealtimeNotifier; leaderboard: Leaderboard },
  job: AnnounceJob,
): Promise<void> {
  await announceReferralChanges(deps, [job]);
}

export interface AnnounceJob {
  referralId: string;
  walletUserIds: string[];
  leaderboard: boolean;
}

/**
 * `announceReferralChange` for a batch, in three queries and one leaderboard script per campaign
 * however large: each referral's referrer hears of it, then whoever's balance moved, read fresh
 * after the batch committed. Leaderboard bumps stay one per referral, in order, but a player whose
 * rank moved several times in the batch (a burst of friends passing each other) is told once, at
 * the end: rank before the batch, rank and score after it. That bounds the fan-out of a burst by
 * the players concerned, not by the number of overtakes.
 */
export async function announceReferralChanges(
  deps: { db: Queryable; notifier: RealtimeNotifier; leaderboard: Leaderboard },
  jobs: AnnounceJob[],
): Promise<void> {
  if (jobs.length === 0) return;
  const referralIds = [...new Set(jobs.map((j) => j.referralId))];
  const { rows: owners } = await deps.db.query<{
    id: string;
    referrer_id: string;
    display_name: string;
  }>(
    'select r.id, r.referrer_id, u.display_name from referrals r join users u on u.id = r.referrer_id where r.id = any($1::text[])',
    [referralIds],
  );
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  const items = await getReferralItems(deps.db, referralIds);
  const wallets = await getWallets(deps.db, [...new Set(jobs.flatMap((j) => j.walletUserIds))]);
  const bumps = new Map<string, LeaderboardBump[]>();
  for (const job of jobs) {
    const owner = ownerOf.get(job.referralId);
    const item = items.get(job.referralId);
    if (!owner || !item) continue;
    deps.notifier.toUser(owner.referrer_id, 'referral:updated', item);
    for (const userId of new Set(job.walletUserIds))
      deps.notifier.toUser(userId, 'wallet:updated', wallets.get(userId) as TWallet);
    if (job.leaderboard) {
      let campaign = bumps.get(item.campaignId);
      if (!campaign) bumps.set(item.campaignId, (campaign = []));
      campaign.push({
        userId: owner.referrer_id,
        displayName: owner.display_name,
        referralId: job.referralId,
      });
    }
  }
  // One script per campaign, bumps in job order.
  const ranks = new Map<string, { userId: string; change: TRankChange }>();
  for (const [campaignId, list] of bumps)
    for (const moves of await deps.leaderboard.bumpMany(campaignId, list))
      for (const { userId, change } of moves) {
        const key = `${userId}|${change.campaignId}`;
        const earlier = ranks.get(key)?.change;
        ranks.set(key, {
          userId,
          change: earlier ? { ...change, previousRank: earlier.previousRank } : change,
        });
      }
  for (const { userId, change } of ranks.values())
    deps.notifier.toUser(userId, 'leaderboard:rank', change);
}
