import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ZPasswordResetRequestBody } from '@playloop/shared';
import { TextField } from '../app/text-field';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { GuardNotice } from './guard-notice';
import { fieldErrorsFrom } from './localize-issue';
import { requestPasswordReset } from './session-store';
import { GuardedSubmitButton } from './guarded-submit-button';
import { useGuardedSubmit } from './use-guarded-submit';

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address
 * has an account, so the page never says which; it says where to look and for how long.
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t('forgot.title'));
  const location = useLocation();
  const typed = (location.state as { email?: string } | null)?.email ?? '';
  const [email, setEmail] = useState(typed);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const guard = useGuardedSubmit();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZPasswordResetRequestBody.safeParse({ email });
    if (!parsed.success) return setFieldError(fieldErrorsFrom(parsed.error, { email }, t).email);
    setFieldError(undefined);
    await guard.submit(async () => {
      await requestPasswordReset(parsed.data.email);
      setSentTo(parsed.data.email);
    });
  };

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1 className="auth-card__title">{t('forgot.title')}</h1>
        {sentTo ? (
          <div className="notice notice--success" role="status">
            <p>{t('forgot.sent', { email: sentTo })}</p>
          </div>
        ) : (
          <p className="muted">{t('forgot.lead')}</p>
        )}
        <GuardNotice
          guard={guard}
          waitText={t('forgot.wait', { seconds: guard.waitSeconds })}
          hidden={guard.formError === 'RATE_LIMITED'}
        />
        {!sentTo && (
          <form className="form" noValidate onSubmit={onSubmit} aria-busy={guard.isSubmitting}>
            <TextField
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              error={fieldError}
              onChange={(e) => setEmail(e.target.value)}
            />
            <GuardedSubmitButton
              guard={guard}
              label={t('forgot.submit')}
              busyLabel={t('forgot.submitting')}
            />
          </form>
        )}
        <p className="auth-card__switch">
          <Link to="/login">{t('forgot.backToLogin')}</Link>
        </p>
      </div>
    </div>
  );
}
