import { useState } from 'react';
import { routes } from '@playloop/shared';
import { ApiError, type ClientErrorCode } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { saveBlob } from '../api/save-file';
import { useI18n } from '../i18n/i18n-context';

/** "Download my data": everything Playloop keeps about the player, as a JSON file. */
export function DataDownload() {
  const { t, errorMessage } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await apiFetch(routes.myData);
      const day = new Date().toISOString().slice(0, 10);
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      saveBlob(blob, `playloop-data-${day}.json`);
    } catch (err) {
      setError(err instanceof ApiError ? err.code : 'INTERNAL');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form" aria-labelledby="data-title" role="group">
      <h3 id="data-title">{t('account.dataTitle')}</h3>
      <p className="muted">{t('account.dataText')}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void download()}
      >
        {t('account.dataDownload')}
      </button>
    </div>
  );
}
