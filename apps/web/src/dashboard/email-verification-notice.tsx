import { useState } from 'react';
import { routes } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';
import { markEmailVerified } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';

type Sending = { status: 'idle' | 'sending' | 'sent' } | { status: 'failed'; message: string };

/** Shown until the player's address is verified: where the link went, and a way to get another. */
export function EmailVerificationNotice({ email }: { email: string }) {
  const { t, errorMessage } = useI18n();
  const [sending, setSending] = useState<Sending>({ status: 'idle' });

  async function resend() {
    setSending({ status: 'sending' });
    try {
      const { alreadyVerified } = await apiFetch(routes.resendVerificationEmail);
      if (alreadyVerified) markEmailVerified();
      setSending({ status: 'sent' });
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      const message =
        e?.code === 'RATE_LIMITED' && e.retryAfterMs
          ? t('emailVerify.wait', { seconds: Math.ceil(e.retryAfterMs / 1000) })
          : errorMessage(e?.code ?? 'INTERNAL');
      setSending({ status: 'failed', message });
    }
  }

  return (
    <section className="notice notice--info email-verification" aria-labelledby="verify-notice">
      <h2 id="verify-notice" className="card__title">
        {t('emailVerify.noticeTitle')}
      </h2>
      <p>{t('emailVerify.noticeText', { email })}</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void resend()}
        disabled={sending.status === 'sending' || sending.status === 'sent'}
      >
        {t('emailVerify.resend')}
      </button>
      <p role="status" aria-live="polite">
        {sending.status === 'sent' && t('emailVerify.sent', { email })}
        {sending.status === 'failed' && sending.message}
      </p>
    </section>
  );
}
