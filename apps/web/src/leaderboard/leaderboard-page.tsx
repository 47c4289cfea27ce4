import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { useActiveCampaign } from '../referrals/use-active-campaign';
import { LeaderboardList } from './leaderboard-list';
import { useLeaderboard } from './use-leaderboard';

/** `/leaderboard[?campaign=cmp_…]`: a campaign's top ten and the player's own rank, live. */
export function LeaderboardPage() {
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('leaderboard.title'));
  const [params, setParams] = useSearchParams();
  const active = useActiveCampaign(params.get('campaign'));
  const { data, error, reload } = useLeaderboard(active.campaign?.id ?? null);
  const selectId = useId();
  const failure = active.error ?? error;

  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link to="/dashboard">{t('nav.dashboard')}</Link>
        </p>
        <h1 id="leaderboard-title">{t('leaderboard.title')}</h1>
        <p className="muted">
          {active.campaign
            ? t('leaderboard.lead', { campaign: active.campaign.title })
            : t('leaderboard.leadGeneric')}
        </p>
      </div>
      {active.campaigns.length > 1 && (
        <div className="field leaderboard-page__campaign">
          <label className="field__label" htmlFor={selectId}>
            {t('invite.campaign')}
          </label>
          <select
            id={selectId}
            className="field__input"
            value={active.campaign?.id ?? ''}
            onChange={(e) => {
              active.select(e.target.value);
              setParams({ campaign: e.target.value }, { replace: true });
            }}
          >
            {active.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <section className="card leaderboard-page" aria-labelledby="leaderboard-title">
        {failure && !data ? (
          <div className="notice notice--error" role="alert">
            <p>{errorMessage(failure.code)}</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => (active.error ? active.retry() : reload())}
            >
              {t('notifications.retry')}
            </button>
          </div>
        ) : !active.isLoading && !active.campaign ? (
          <p className="muted">{t('invite.noCampaign')}</p>
        ) : data ? (
          <LeaderboardList board={data} limit={10} labelledBy="leaderboard-title" />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>
    </>
  );
}
