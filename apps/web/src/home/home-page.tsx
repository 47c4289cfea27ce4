import { Link } from 'react-router';
import { useSession } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { GiftIcon, QuizIcon, WheelIcon } from './feature-icons';

const FEATURES = [
  { Icon: QuizIcon, title: 'home.feature1Title', body: 'home.feature1Body' },
  { Icon: WheelIcon, title: 'home.feature2Title', body: 'home.feature2Body' },
  { Icon: GiftIcon, title: 'home.feature3Title', body: 'home.feature3Body' },
] as const;

export function HomePage() {
  const { t } = useI18n();
  useDocumentTitle('');
  const session = useSession();
  return (
    <>
      {session.status === 'signed-out' && session.reason === 'logout' && (
        <p className="notice notice--info" role="status">
          {t('home.signedOut')}
        </p>
      )}
      {session.status === 'signed-out' && session.reason === 'deleted' && (
        <p className="notice notice--info" role="status">
          {t('home.accountDeleted')}
        </p>
      )}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title" className="hero__title">
          {t('home.title')}
        </h1>
        <p className="hero__lead">{t('home.lead')}</p>
        <div className="hero__actions">
          {session.status === 'signed-in' ? (
            <Link to="/dashboard" className="button button--primary button--large">
              {t('home.ctaDashboard')}
            </Link>
          ) : (
            <>
              <Link to="/signup" className="button button--primary button--large">
                {t('home.ctaSignup')}
              </Link>
              <Link to="/login" className="button button--secondary button--large">
                {t('home.ctaLogin')}
              </Link>
            </>
          )}
        </div>
      </section>
      <section className="features" aria-labelledby="features-title">
        <h2 id="features-title">{t('home.featuresTitle')}</h2>
        <ul className="features__list">
          {FEATURES.map((f) => (
            <li key={f.title} className="card feature">
              <span className="feature__icon">
                <f.Icon />
              </span>
              <h3 className="feature__title">{t(f.title)}</h3>
              <p className="muted">{t(f.body)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
