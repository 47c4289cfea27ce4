import { useI18n } from '../i18n/i18n-context';
import { useNotifications } from './use-notifications';

export function NotificationList() {
  const { t, errorMessage, formatDate } = useI18n();
  const { notifications, isLoading, error, reload, lastLive } = useNotifications();

  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title" className="card__title">
        {t('notifications.title')}
      </h2>
      {/* Announces pushes without making the whole list a live region. */}
      <p className="visually-hidden" aria-live="polite">
        {lastLive ? t('notifications.announce', { title: lastLive.title }) : ''}
      </p>
      {error && notifications.length === 0 ? (
        <div className="notice notice--error" role="alert">
          <p>
            {t('notifications.error')} {errorMessage(error.code)}
          </p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('notifications.retry')}
          </button>
        </div>
      ) : isLoading && notifications.length === 0 ? (
        <p className="muted">{t('notifications.loading')}</p>
      ) : notifications.length === 0 ? (
        <p className="muted">{t('notifications.empty')}</p>
      ) : (
        <ul className="notifications" aria-labelledby="notifications-title">
          {notifications.map((n) => (
            <li key={n.id} className={`notification notification--${n.kind}`}>
              <div className="notification__head">
                <h3 className="notification__title">{n.title}</h3>
                {n.readAt === null && <span className="badge">{t('notifications.unread')}</span>}
              </div>
              <p className="notification__body">{n.body}</p>
              <p className="notification__time">
                <time dateTime={n.createdAt}>{formatDate(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
