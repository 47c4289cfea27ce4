import { Link } from 'react-router';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { ExportButtons } from '../ui/export-buttons';
import { useLoad } from '../use-load';

/** `/admin/campaigns`: every campaign, newest first, with its status and what is left of its budget. */
export function CampaignListPage() {
  const { at, formatDate, formatNumber } = useAdminText();
  useDocumentTitle(at('nav.campaigns'));
  const list = useLoad(() => adminApi.campaigns(), 'campaigns');
  return (
    <div className="admin-page">
      <div className="admin-page__head">
        <h1>{at('nav.campaigns')}</h1>
        <Link to="/admin/campaigns/new" className="button button--primary">
          {at('campaigns.new')}
        </Link>
      </div>
      <ExportButtons />
      {list.status === 'failed' && <ErrorNotice code={list.error} onRetry={list.reload} />}
      {list.data === null ? (
        list.status === 'loading' && <Loading />
      ) : list.data.campaigns.length === 0 ? (
        <p className="muted">{at('campaigns.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{at('nav.campaigns')}</caption>
            <thead>
              <tr>
                <th scope="col">{at('campaign.title')}</th>
                <th scope="col">{at('campaigns.status')}</th>
                <th scope="col">{at('campaign.startsAt')}</th>
                <th scope="col">{at('campaign.endsAt')}</th>
                <th scope="col" className="num">
                  {at('campaign.budgetRemaining')}
                </th>
                <th scope="col">{at('campaigns.open')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.campaigns.map((c) => {
                const title = typeof c.config.title === 'string' ? c.config.title : c.id;
                return (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/admin/campaigns/${c.id}`}>{title}</Link>
                      <span className="admin-table__sub">{String(c.config.slug ?? '')}</span>
                    </th>
                    <td>
                      <span className={`admin-badge admin-badge--${c.status}`}>
                        {at(`campaignStatus.${c.status}`)}
                      </span>
                    </td>
                    <td>
                      {typeof c.config.startsAt === 'string' ? formatDate(c.config.startsAt) : '—'}
                    </td>
                    <td>
                      {typeof c.config.endsAt === 'string'
                        ? formatDate(c.config.endsAt)
                        : at('campaigns.noEnd')}
                    </td>
                    <td className="num">{formatNumber(c.budgetRemaining)}</td>
                    <td>
                      <Link
                        to={`/admin/dashboard/${c.id}`}
                        aria-label={at('campaigns.dashboardOf', { title })}
                      >
                        {at('tabs.dashboard')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
