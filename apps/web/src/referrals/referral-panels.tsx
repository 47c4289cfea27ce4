import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LeaderboardPanel } from '../leaderboard/leaderboard-panel';
import { WalletPanel } from '../wallet/wallet-panel';
import { InviteLinkPanel } from './invite-link-panel';
import { ReferralList } from './referral-list';
import { ToastRegion, useToasts } from './toast-region';
import { useActiveCampaign } from './use-active-campaign';
import { useClaimStoredInvite } from './use-claim-stored-invite';
import { useReferrals, type ReferralNews } from './use-referrals';

/**
 * The referral loop on the dashboard: the player's invite link, their wallet, the friends who
 * joined and the campaign leaderboard, all live, with a toast as each friend moves along.
 * Rendered as grid items of the dashboard (a fragment), so the page decides the layout.
 */
export function ReferralPanels() {
  const { t } = useI18n();
  const active = useActiveCampaign();
  const { toasts, show, dismiss } = useToasts();
  useClaimStoredInvite();

  const onNews = useCallback(
    ({ kind, referral }: ReferralNews) => {
      const name = referral.refereeName;
      if (kind === 'joined') show(t('referrals.toast.joined', { name }));
      else if (kind === 'qualified') show(t('referrals.toast.qualified', { name }));
      else show(t('referrals.toast.rewarded', { name }), 'success');
    },
    [show, t],
  );
  const referrals = useReferrals(onNews);

  return (
    <>
      <InviteLinkPanel active={active} />
      <WalletPanel />
      <ReferralList state={referrals} />
      <LeaderboardPanel campaignId={active.campaign?.id ?? null} />
      <ToastRegion toasts={toasts} dismiss={dismiss} />
    </>
  );
}
