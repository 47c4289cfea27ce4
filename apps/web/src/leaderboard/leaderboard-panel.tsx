import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { LeaderboardList } from './leaderboard-list';
import { useLeaderboard } from './use-leaderboard';

/** The dashboard's compact board: the top five of the active campaign and the player's rank. */
export function LeaderboardPanel({ campaignId }: { campaignId: string | null }) {
  const { t, errorMessage } = useI18n();
  const { data, error, reload } = useLeaderboard(campaignId);
  return (
    <section className="card" aria-labelledby="leaderboard-panel-title">
      <h2 id="leaderboard-panel-title" className="card__title">
        {t('leaderboard.title')}
      </h2>
      {!campaignId ? (
        <p className="muted">{t('invite.noCampaign')}</p>
      ) : data ? (
        <LeaderboardList board={data} limit={5} labelledBy="leaderboard-panel-title" />
      ) : error ? (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(error.code)}</p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('notifications.retry')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {campaignId && (
        <p className="card__more">
          <Link to={`/leaderboard?campaign=${encodeURIComponent(campaignId)}`}>
            {t('leaderboard.fullLink')}
          </Link>
        </p>
      )}
    </section>
  );
}
