import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { InviteProblem } from './invite-problem';
import { forgetInvite, isDeadInviteError, readInvite, rememberInvite } from './invite-storage';
import { useInvite } from './use-invite';

/** `/invite/:code`: who invited the visitor, what both of them get, and one way in: sign up. */
export function InvitePage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const { invite, error, retry } = useInvite(code);
  useDocumentTitle(
    invite ? t('landing.docTitle', { name: invite.referrerName }) : t('landing.docTitleGeneric'),
  );

  // Kept for the sign-up form (the code rides along); never for someone already signed in.
  useEffect(() => {
    if (invite && session.status === 'signed-out') rememberInvite(invite.code, invite.referrerName);
  }, [invite, session.status]);
  useEffect(() => {
    if (error && isDeadInviteError(error.code) && readInvite()?.code === code) forgetInvite();
  }, [error, code]);

  const isSignedIn = session.status === 'signed-in';
  if (error) return <InviteProblem error={error} retry={retry} isSignedIn={isSignedIn} />;
  if (!invite)
    return (
      <p className="page-loading" role="status">
        {t('landing.loading')}
      </p>
    );

  const { referrerName, rewards, landing, campaign } = invite;
  return (
    <article className="invite-landing card" data-variant={landing.variant ?? undefined}>
      <p className="invite-landing__eyebrow">{t('landing.eyebrow')}</p>
      <h1 className="invite-landing__title">{t('landing.invitedBy', { name: referrerName })}</h1>
      <h2 className="invite-landing__headline">{landing.title}</h2>
      <p className="invite-landing__text">{landing.text}</p>
      <ul className="invite-rewards" aria-label={t('landing.rewardsLabel')}>
        <li className="invite-rewards__item invite-rewards__item--you">
          <span className="invite-rewards__points">
            {t('landing.points', { count: rewards.refereePoints })}
          </span>
          <span>{t('landing.youGet')}</span>
        </li>
        <li className="invite-rewards__item">
          <span className="invite-rewards__points">
            {t('landing.points', { count: rewards.referrerPoints })}
          </span>
          <span>{t('landing.theyGet', { name: referrerName })}</span>
        </li>
      </ul>
      {isSignedIn ? (
        <div className="notice notice--info" role="status">
          <p>{t('landing.signedIn', { name: session.user.displayName })}</p>
          <Link to="/dashboard" className="button button--primary">
            {t('home.ctaDashboard')}
          </Link>
        </div>
      ) : (
        <div className="invite-landing__actions">
          <Link to="/signup" className="button button--primary button--large button--block">
            {t('landing.cta', { count: rewards.refereePoints })}
          </Link>
          <p className="muted invite-landing__fine">
            {t('landing.campaign', { campaign: campaign.title })}{' '}
            <Link to="/login">{t('landing.haveAccount')}</Link>
          </p>
        </div>
      )}
    </article>
  );
}
