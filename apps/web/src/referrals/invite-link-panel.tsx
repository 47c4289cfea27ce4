import { useEffect, useId, useState } from 'react';
import { routes, type TMyLink } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { CopyLink } from './copy-link';
import { QrCode } from './qr-code';
import { ShareLinks } from './share-links';
import type { ActiveCampaign } from './use-active-campaign';

/** The player's invite link for the active campaign: copy it, share it, or show its QR code. */
export function InviteLinkPanel({ active }: { active: ActiveCampaign }) {
  const { t, errorMessage } = useI18n();
  const selectId = useId();
  const campaignId = active.campaign?.id ?? null;
  const [link, setLink] = useState<TMyLink | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!campaignId) return;
    let cancelled = false;
    setLink(null);
    setError(null);
    apiFetch(routes.myLink, { query: { campaignId } })
      .then((body) => !cancelled && setLink(body))
      .catch((err: unknown) => {
        if (!cancelled)
          setError(err instanceof ApiError ? err : new ApiError('INTERNAL', 0, String(err)));
      });
    return () => {
      cancelled = true;
    };
  }, [campaignId, attempt]);

  const failure = active.error ?? error;
  return (
    <section className="card invite-panel" aria-labelledby="invite-panel-title">
      <h2 id="invite-panel-title" className="card__title">
        {t('invite.panelTitle')}
      </h2>
      <p className="muted">{t('invite.panelLead')}</p>
      {active.campaigns.length > 1 && (
        <div className="field invite-panel__campaign">
          <label className="field__label" htmlFor={selectId}>
            {t('invite.campaign')}
          </label>
          <select
            id={selectId}
            className="field__input"
            value={campaignId ?? ''}
            onChange={(e) => active.select(e.target.value)}
          >
            {active.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>
            {t('invite.linkError')} {errorMessage(failure.code)}
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => (active.error ? active.retry() : setAttempt((n) => n + 1))}
          >
            {t('notifications.retry')}
          </button>
        </div>
      ) : !active.isLoading && !active.campaign ? (
        <p className="muted">{t('invite.noCampaign')}</p>
      ) : !link ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="invite-panel__body">
          <div className="invite-panel__actions">
            <CopyLink url={link.url} />
            <ShareLinks url={link.url} text={link.shareText} title={active.campaign?.title ?? ''} />
          </div>
          <figure className="invite-panel__qr">
            <QrCode value={link.url} alt={t('invite.qrAlt')} />
            <figcaption className="muted">{t('invite.qrCaption')}</figcaption>
          </figure>
        </div>
      )}
    </section>
  );
}
