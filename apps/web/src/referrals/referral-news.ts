import type { TReferralItem, TReferralStatus } from '@playloop/shared';

/** How far along a referral is; a push that does not move it forward is not news. */
const PROGRESS: Record<TReferralStatus, number> = {
  pending: 0,
  flagged: 0,
  approved: 0,
  qualified: 1,
  rewarded: 2,
  rejected: 2,
};

export type ReferralNewsKind = 'joined' | 'qualified' | 'rewarded';

/**
 * Folds a pushed referral into `seen` (progress per referral id) and says what, if anything, the
 * referrer should be told: each step once, never a step backwards (pushes may arrive late or
 * twice). `isFresh` false: the push changes nothing already known, so leave the list alone too.
 */
export function foldReferralPush(
  seen: Map<string, number>,
  item: TReferralItem,
): { isFresh: boolean; news: ReferralNewsKind | null } {
  const before = seen.get(item.id);
  const now = PROGRESS[item.status];
  if (before !== undefined && now <= before) return { isFresh: false, news: null };
  seen.set(item.id, now);
  if (item.status === 'qualified' || item.status === 'rewarded')
    return { isFresh: true, news: item.status };
  if (before === undefined && now === 0) return { isFresh: true, news: 'joined' };
  return { isFresh: true, news: null };
}

/** Records a snapshot's referrals as known, keeping whatever later step a push already showed. */
export function foldReferralSnapshot(seen: Map<string, number>, items: TReferralItem[]): void {
  for (const r of items) seen.set(r.id, Math.max(seen.get(r.id) ?? -1, PROGRESS[r.status]));
}
