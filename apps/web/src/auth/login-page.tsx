import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ZLoginBody } from '@playloop/shared';
import { TextField } from '../app/text-field';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { fieldErrorsFrom } from './localize-issue';
import { logIn, useLocalPasswords, useSession } from './session-store';
import { GuardedSubmitButton } from './guarded-submit-button';
import { useGuardedSubmit } from './use-guarded-submit';

type Field = 'email' | 'password';

/** What a protected page leaves in history state when it sends a reader here. */
export interface LoginRedirectState {
  from?: string;
  sessionEnded?: boolean;
}

export function LoginPage() {
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('login.title'));
  const session = useSession();
  const location = useLocation();
  const redirect = (location.state ?? {}) as LoginRedirectState;
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const guard = useGuardedSubmit();
  const { formError, isSubmitting, isWaiting } = guard;
  const resettable = useLocalPasswords();

  if (session.status === 'signed-in')
    return <Navigate to={redirect.from ?? '/dashboard'} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSubmitting || isWaiting) return;
    guard.setFormError(null);
    const parsed = ZLoginBody.safeParse(values);
    if (!parsed.success) return setFieldErrors(fieldErrorsFrom(parsed.error, values, t));
    setFieldErrors({});
    await guard.submit(() => logIn(parsed.data));
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
            {t('login.rateLimited', { seconds: guard.waitSeconds })}
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
          <GuardedSubmitButton
            guard={guard}
            label={t('login.submit')}
            busyLabel={t('login.submitting')}
          />
        </form>
        {resettable && (
          <p className="auth-card__switch">
            <Link to="/forgot-password" state={{ email: values.email }}>
              {t('login.forgot')}
            </Link>
          </p>
        )}
        <p className="auth-card__switch">
          {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
        </p>
      </div>
    </div>
  );
}
