import { AccountSettings } from '../account/account-settings';
import { useSession } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';
import { localeNames } from '../i18n/locale';
import { useDocumentTitle } from '../i18n/use-document-title';
import { NotificationList } from '../notifications/notification-list';
import { ReferralPanels } from '../referrals/referral-panels';
import { EmailVerificationNotice } from './email-verification-notice';

export function DashboardPage() {
  const { t, formatDate } = useI18n();
  useDocumentTitle(t('nav.dashboard'));
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  const { user } = session;
  return (
    <>
      <div className="page-head">
        <h1>{t('dashboard.title', { name: user.displayName })}</h1>
        <p className="muted">{t('dashboard.lead')}</p>
      </div>
      {!user.emailVerified && <EmailVerificationNotice email={user.email} />}
      <div className="dashboard-grid">
        <ReferralPanels />
        <NotificationList />
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title" className="card__title">
            {t('profile.title')}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t('profile.email')}</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt>{t('profile.emailStatus')}</dt>
              <dd>{t(user.emailVerified ? 'profile.verified' : 'profile.unverified')}</dd>
            </div>
            <div>
              <dt>{t('profile.memberSince')}</dt>
              <dd>{formatDate(user.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('profile.language')}</dt>
              <dd>{localeNames[user.locale]}</dd>
            </div>
          </dl>
        </section>
        <AccountSettings user={user} />
      </div>
    </>
  );
}
