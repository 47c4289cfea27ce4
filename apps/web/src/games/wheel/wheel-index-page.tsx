import { useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router';
import type { TPublicCampaign } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { wheelApi } from './wheel-api';

/** `/wheel`: straight to the wheel when one campaign runs, else a choice of campaigns. */
export function WheelIndexPage() {
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('wheel.title'));
  const [campaigns, setCampaigns] = useState<TPublicCampaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    wheelApi.campaigns().then(
      (list) => setCampaigns(list.campaigns),
      (err: unknown) => setError(errorMessage(err instanceof ApiError ? err.code : 'INTERNAL')),
    );
  }, [errorMessage]);

  if (campaigns?.length === 1 && campaigns[0])
    return <Navigate to={`/wheel/${campaigns[0].id}`} replace />;
  return (
    <div className="page-head">
      <h1>{t('wheel.title')}</h1>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : campaigns === null ? (
        <p className="page-loading" role="status">
          {t('app.loading')}
        </p>
      ) : campaigns.length === 0 ? (
        <p className="muted">{t('wheel.noCampaigns')}</p>
      ) : (
        <ul className="wheel-campaigns">
          {campaigns.map((c) => (
            <li key={c.id}>
              <Link to={`/wheel/${c.id}`}>{c.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
