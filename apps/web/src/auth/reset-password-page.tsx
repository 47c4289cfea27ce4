import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PASSWORD_RESET_TOKEN, ZPasswordResetBody } from '@playloop/shared';
import { TextField } from '../app/text-field';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { fieldErrorsFrom } from './localize-issue';
import { resetPassword, useSession } from './session-store';
import { GuardedSubmitButton } from './guarded-submit-button';
import { useGuardedSubmit } from './use-guarded-submit';

let taken: string | null = null;

/**
 * The token of `/reset-password#token=…`. It sits in the fragment, so it never reaches a server
 * log or a Referer; it is taken off the address bar at once (and kept here, so a second mount of
 * the page still has it).
 */
function takeToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) {
    window.history.replaceState(null, '', window.location.pathname);
    taken = token;
  }
  return taken;
}

/** `/reset-password#token=…`, the link in the reset email: choose a new password, signed in after. */
export function ResetPasswordPage() {
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('reset.title'));
  const session = useSession();
  const [token] = useState(takeToken);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const guard = useGuardedSubmit();
  const linkBroken =
    !token ||
    !PASSWORD_RESET_TOKEN.test(token) ||
    guard.formError === 'PASSWORD_RESET_INVALID' ||
    guard.formError === 'PASSWORD_RESET_EXPIRED';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZPasswordResetBody.safeParse({ token, password });
    if (!parsed.success)
      return setFieldError(fieldErrorsFrom(parsed.error, { password }, t).password);
    setFieldError(undefined);
    await guard.submit(async () => {
      await resetPassword(parsed.data);
      setDone(true);
    });
  };

  if (done && session.status === 'signed-in')
    return (
      <div className="auth-page">
        <section className="card auth-card" aria-labelledby="reset-title">
          <h1 id="reset-title" className="auth-card__title">
            {t('reset.title')}
          </h1>
          <div className="notice notice--success" role="status">
            <p>{t('reset.done')}</p>
          </div>
          <p>
            <Link className="button button--primary" to="/dashboard">
              {t('emailVerify.toDashboard')}
            </Link>
          </p>
        </section>
      </div>
    );

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby="reset-title">
        <h1 id="reset-title" className="auth-card__title">
          {t('reset.title')}
        </h1>
        {linkBroken ? (
          <div className="notice notice--error" role="alert">
            <p>{errorMessage(guard.formError ?? 'PASSWORD_RESET_INVALID')}</p>
            <p>
              <Link to="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          </div>
        ) : (
          <>
            <p className="muted">{t('reset.lead')}</p>
            {guard.formError && (
              <p className="notice notice--error" role="alert">
                {guard.isWaiting
                  ? t('login.rateLimited', { seconds: guard.waitSeconds })
                  : errorMessage(guard.formError)}
              </p>
            )}
            <form className="form" noValidate onSubmit={onSubmit} aria-busy={guard.isSubmitting}>
              <TextField
                label={t('reset.password')}
                hint={t('signup.passwordHint')}
                type="password"
                name="password"
                autoComplete="new-password"
                required
                value={password}
                error={fieldError}
                onChange={(e) => setPassword(e.target.value)}
              />
              <GuardedSubmitButton
                guard={guard}
                label={t('reset.submit')}
                busyLabel={t('reset.submitting')}
              />
            </form>
          </>
        )}
      </section>
    </div>
  );
}
