import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ZLoginBody } from '@playloop/shared';
import { ApiError, type ClientErrorCode } from '../api/api-error';
import { TextField } from '../app/text-field';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { fieldErrorsFrom } from './localize-issue';
import { logIn, useSession } from './session-store';
import { useCountdown } from './use-countdown';

type Field = 'email' | 'password';

/** What a protected page leaves in history state when it sends a reader here. */
export interface LoginRedirectState {
  from?: string;
  sessionEnded?: boolean;
}

/** Without a `Retry-After`, wait this long after a 429 anyway rather than invite a retry loop. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

export function LoginPage() {
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('login.title'));
  const session = useSession();
  const location = useLocation();
  const redirect = (location.state ?? {}) as LoginRedirectState;
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  // Codes, not sentences, so switching language re-translates what is showing.
  const [formError, setFormError] = useState<ClientErrorCode | null>(null);
  const [waitSeconds, setWaitSeconds] = useState(0);
  const [isSubmitting, setIsSubmitting] = useState(false);
  // State updates land on the next render; the ref closes the gap for a fast double submit.
  const inFlight = useRef(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);

  if (session.status === 'signed-in')
    return <Navigate to={redirect.from ?? '/dashboard'} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // One attempt at a time, and none while the server has asked us to wait.
    if (inFlight.current || secondsLeft > 0) return;
    setFormError(null);
    const parsed = ZLoginBody.safeParse(values);
    if (!parsed.success) return setFieldErrors(fieldErrorsFrom(parsed.error, values, t));
    setFieldErrors({});
    inFlight.current = true;
    setIsSubmitting(true);
    try {
      await logIn(parsed.data);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const mustWait = err.code === 'RATE_LIMITED' || err.retryAfterMs !== null;
      if (mustWait) {
        const waitMs = err.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
        setRetryAt(Date.now() + waitMs);
        setWaitSeconds(Math.ceil(waitMs / 1000));
      }
      setFormError(err.code);
    } finally {
      inFlight.current = false;
      setIsSubmitting(false);
    }
  };

  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    error: fieldErrors[field],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [field]: value }));
      if (fieldErrors[field]) setFieldErrors((errs) => ({ ...errs, [field]: undefined }));
    },
  });

  const isWaiting = secondsLeft > 0;

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1 className="auth-card__title">{t('login.title')}</h1>
        <p className="muted">{t('login.lead')}</p>
        {redirect.sessionEnded && !formError && (
          <p className="notice notice--info" role="status">
            {errorMessage('AUTH_REFRESH_INVALID')}
          </p>
        )}
        {isWaiting ? (
          // Fixed text (not the ticking count), so screen readers announce it once.
          <p className="notice notice--error" role="alert">
            {t('login.rateLimited', { seconds: waitSeconds })}
          </p>
        ) : (
          formError &&
          formError !== 'RATE_LIMITED' && (
            <p className="notice notice--error" role="alert">
              {errorMessage(formError)}
            </p>
          )
        )}
        <form className="form" noValidate onSubmit={onSubmit} aria-busy={isSubmitting}>
          <TextField
            label={t('login.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            {...bind('email')}
          />
          <TextField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            required
            {...bind('password')}
          />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={isSubmitting || isWaiting}
          >
            {isWaiting
              ? t('login.waitButton', { seconds: secondsLeft })
              : isSubmitting
                ? t('login.submitting')
                : t('login.submit')}
          </button>
        </form>
        <p className="auth-card__switch">
          {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
        </p>
      </div>
    </div>
  );
}
