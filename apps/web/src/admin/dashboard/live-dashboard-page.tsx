import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { CampaignTabs } from '../campaigns/campaign-tabs';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { ExportButtons } from '../ui/export-buttons';
import { useLoad } from '../use-load';
import { AbCard, BudgetCard, KpiTiles, TopReferrersCard } from './figure-cards';
import { FunnelCard } from './funnel-card';
import { PayoutKpisCard } from './payout-kpis-card';
import { rangeFor, RangePicker } from './range-picker';
import { useLiveDashboard, type DashboardRange } from './use-live-dashboard';

/** `/admin/dashboard`: which campaign to watch. */
export function DashboardIndexPage() {
  const { at } = useAdminText();
  useDocumentTitle(at('nav.dashboard'));
  const list = useLoad(() => adminApi.campaigns(), 'campaigns');
  return (
    <div className="admin-page">
      <h1>{at('nav.dashboard')}</h1>
      {list.status === 'failed' && <ErrorNotice code={list.error} onRetry={list.reload} />}
      {list.data === null ? (
        <Loading />
      ) : list.data.campaigns.length === 0 ? (
        <p className="muted">{at('campaigns.none')}</p>
      ) : (
        <ul className="admin-pick">
          {list.data.campaigns.map((c) => (
            <li key={c.id}>
              <Link to={`/admin/dashboard/${c.id}`}>
                {typeof c.config.title === 'string' ? c.config.title : c.id}
              </Link>{' '}
              <span className={`admin-badge admin-badge--${c.status}`}>
                {at(`campaignStatus.${c.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <PayoutKpisCard />
    </div>
  );
}

/** `/admin/dashboard/:campaignId`: the campaign's figures, pushed live while the page is open. */
export function LiveDashboardPage() {
  const { campaignId = '' } = useParams();
  const { at, formatDate } = useAdminText();
  useDocumentTitle(at('dashboard.title'));
  const [range, setRange] = useState<DashboardRange>(() => rangeFor('30d'));
  const live = useLiveDashboard(campaignId, range);
  const f = live.figures;
  return (
    <div className="admin-page">
      <p className="admin-breadcrumb">
        <Link to="/admin/dashboard">{at('nav.dashboard')}</Link>
      </p>
      <h1>{at('dashboard.title')}</h1>
      <CampaignTabs campaignId={campaignId} />
      <div className="admin-page__head">
        <RangePicker range={range} onChange={(r) => setRange(r)} />
        <p className={`conn conn--${live.mode === 'live' ? 'live' : 'offline'}`} role="status">
          <span className="conn__dot" aria-hidden="true" />
          {live.mode === 'live' ? at('dashboard.live') : at('dashboard.polling')}
          {f?.updatedAt && (
            <span className="muted">
              {' '}
              · {at('dashboard.updated', { at: formatDate(f.updatedAt) })}
            </span>
          )}
        </p>
      </div>
      {live.error && <ErrorNotice code={live.error} />}
      {!f ? (
        !live.error && <Loading />
      ) : (
        <>
          <KpiTiles figures={f} />
          <div className="admin-dashboard-grid">
            <FunnelCard figures={f} />
            <BudgetCard figures={f} />
            <TopReferrersCard figures={f} />
            <AbCard figures={f} />
            <PayoutKpisCard />
          </div>
        </>
      )}
      <ExportButtons campaignId={campaignId} />
    </div>
  );
}
