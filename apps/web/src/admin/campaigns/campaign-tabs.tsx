import { NavLink } from 'react-router';
import { useAdminText } from '../i18n/use-admin-text';

/** Settings, game content and live figures of one campaign, one click apart. */
export function CampaignTabs({ campaignId }: { campaignId: string }) {
  const { at } = useAdminText();
  const base = `/admin/campaigns/${campaignId}`;
  const tabs = [
    { to: base, label: at('tabs.settings'), end: true },
    { to: `${base}/wheel`, label: at('tabs.wheel'), end: false },
    { to: `${base}/quiz`, label: at('tabs.quiz'), end: false },
    { to: `/admin/dashboard/${campaignId}`, label: at('tabs.dashboard'), end: false },
  ];
  return (
    <nav className="admin-tabs" aria-label={at('tabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end} className="admin-tabs__link">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
