import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { ZSignupBody } from '@playloop/shared';
import { ApiError, type ClientErrorCode } from '../api/api-error';
import { TextField } from '../app/text-field';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { forgetInvite, isDeadInviteError, readInvite } from '../invite/invite-storage';
import { fieldErrorsFrom } from './localize-issue';
import { signUp, useSession } from './session-store';
import { useCountdown } from './use-countdown';

type Field = 'email' | 'displayName' | 'password';
const FIELDS: Field[] = ['email', 'displayName', 'password'];

export function SignupPage() {
  const { t, errorMessage, locale } = useI18n();
  useDocumentTitle(t('signup.title'));
  const session = useSession();
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    displayName: '',
    password: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<ClientErrorCode | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  // State updates land on the next render; the ref closes the gap for a fast double submit.
  const inFlight = useRef(false);
  const [mustConfirmEmail, setMustConfirmEmail] = useState(false);
  // A 429/503 names a wait: the button stays off until it is over, so nobody retries in a loop.
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  // The invite from `/invite/<code>` rides along as `referralCode`; the server prefers its own
  // first-touch cookie when the visitor came through `/r/<code>`.
  const [invite, setInvite] = useState(readInvite);

  if (session.status === 'signed-in') return <Navigate to="/dashboard" replace />;

  const showErrors = (errors: Partial<Record<Field, string>>) => {
    setFieldErrors(errors);
    const first = FIELDS.find((f) => errors[f]);
    if (first) inputs.current[first]?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current || secondsLeft > 0) return;
    setFormError(null);
    // The same schema the api applies: most mistakes never leave the browser.
    const parsed = ZSignupBody.safeParse({ ...values, locale, referralCode: invite?.code });
    if (!parsed.success) return showErrors(fieldErrorsFrom(parsed.error, values, t));
    setFieldErrors({});
    inFlight.current = true;
    setIsSubmitting(true);
    try {
      const outcome = await signUp(parsed.data);
      // After email confirmation the dashboard names the inviter instead (the invite stays stored).
      if (outcome === 'confirm-email') setMustConfirmEmail(true);
      else forgetInvite();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.retryAfterMs !== null) setRetryAt(Date.now() + err.retryAfterMs);
      if (err.code === 'EMAIL_TAKEN') return showErrors({ email: errorMessage('EMAIL_TAKEN') });
      // A dead invite must not block joining: drop it and let the next press go through without it.
      if (invite && isDeadInviteError(err.code)) {
        forgetInvite();
        setInvite(null);
        return setFormError(err.code);
      }
      const fromServer: Partial<Record<Field, string>> = {};
      for (const f of FIELDS) {
        const issue = err.fieldIssue(f);
        if (issue) fromServer[f] = issue.message;
      }
      if (Object.keys(fromServer).length > 0) showErrors(fromServer);
      else setFormError(err.code);
    } finally {
      inFlight.current = false;
      setIsSubmitting(false);
    }
  };

  const bind = (field: Field) => ({
    ref: (el: HTMLInputElement | null) => {
      inputs.current[field] = el;
    },
    name: field,
    value: values[field],
    error: fieldErrors[field],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [field]: value }));
      if (fieldErrors[field]) setFieldErrors((errs) => ({ ...errs, [field]: undefined }));
    },
  });

  const hasFieldErrors = FIELDS.some((f) => fieldErrors[f]);

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1 className="auth-card__title">{t('signup.title')}</h1>
        {mustConfirmEmail ? (
          <p className="notice notice--success" role="status">
            {t('signup.checkEmail')}
          </p>
        ) : (
          <>
            <p className="muted">{t('signup.lead')}</p>
            {invite && (
              <p className="notice notice--info">
                {t('signup.invitedBy', { name: invite.referrerName })}
              </p>
            )}
            {(formError || hasFieldErrors) && (
              <p className="notice notice--error" role="alert">
                {formError ? errorMessage(formError) : t('signup.fixFields')}
                {formError && isDeadInviteError(formError) && ` ${t('signup.inviteDropped')}`}
              </p>
            )}
            <form className="form" noValidate onSubmit={onSubmit} aria-busy={isSubmitting}>
              <TextField
                label={t('signup.email')}
                type="email"
                autoComplete="email"
                inputMode="email"
                required
                {...bind('email')}
              />
              <TextField
                label={t('signup.displayName')}
                hint={t('signup.displayNameHint')}
                autoComplete="nickname"
                maxLength={40}
                required
                {...bind('displayName')}
              />
              <TextField
                label={t('signup.password')}
                hint={t('signup.passwordHint')}
                type="password"
                autoComplete="new-password"
                minLength={10}
                maxLength={128}
                required
                {...bind('password')}
              />
              <button
                type="submit"
                className="button button--primary button--block"
                disabled={isSubmitting || secondsLeft > 0}
              >
                {secondsLeft > 0
                  ? t('login.waitButton', { seconds: secondsLeft })
                  : isSubmitting
                    ? t('signup.submitting')
                    : t('signup.submit')}
              </button>
            </form>
          </>
        )}
        <p className="auth-card__switch">
          {t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
        </p>
      </div>
    </div>
  );
}
