import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { routes } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError, type ClientErrorCode } from '../api/api-error';
import { markEmailVerified, useSession } from './session-store';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';

type Outcome =
  | { status: 'verifying' }
  | { status: 'verified'; alreadyVerified: boolean }
  | { status: 'failed'; code: ClientErrorCode };

let spent: { token: string; result: Promise<{ alreadyVerified: boolean }> } | null = null;

/**
 * `/verify-email#token=…`, the link in the verification email. The token sits in the fragment,
 * so it never reaches a server log or a Referer; it is taken off the address bar at once and
 * spent once per page, however often React mounts the page.
 */
export function VerifyEmailPage() {
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('emailVerify.title'));
  const session = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'verifying' });

  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
    if (token) window.history.replaceState(null, '', window.location.pathname);
    // Taken off the address bar above, so a second mount finds no token: it reuses the first.
    if (token && spent?.token !== token)
      spent = { token, result: apiFetch(routes.verifyEmail, { body: { token } }) };
    spent ??= { token, result: apiFetch(routes.verifyEmail, { body: { token } }) };
    spent.result.then(
      ({ alreadyVerified }) => {
        markEmailVerified();
        setOutcome({ status: 'verified', alreadyVerified });
      },
      (err: unknown) =>
        setOutcome({ status: 'failed', code: err instanceof ApiError ? err.code : 'INTERNAL' }),
    );
  }, []);

  const next = session.status === 'signed-in' ? '/dashboard' : '/login';
  return (
    <section className="card narrow" aria-labelledby="verify-title" aria-live="polite">
      <h1 id="verify-title">{t('emailVerify.title')}</h1>
      {outcome.status === 'verifying' && <p role="status">{t('emailVerify.working')}</p>}
      {outcome.status === 'verified' && (
        <div className="notice notice--success" role="status">
          <p>{t(outcome.alreadyVerified ? 'emailVerify.already' : 'emailVerify.done')}</p>
        </div>
      )}
      {outcome.status === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(outcome.code)}</p>
          {session.status === 'signed-in' && <p>{t('emailVerify.askAgain')}</p>}
        </div>
      )}
      {outcome.status !== 'verifying' && (
        <p>
          <Link className="button" to={next}>
            {t(session.status === 'signed-in' ? 'emailVerify.toDashboard' : 'emailVerify.toLogin')}
          </Link>
        </p>
      )}
    </section>
  );
}
