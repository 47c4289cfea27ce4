import { useState } from 'react';
import type { ClientErrorCode } from '../../api/api-error';
import { downloadCsv, type ExportKind } from '../csv-export';
import { useAdminText } from '../i18n/use-admin-text';
import { errorCodeOf } from '../use-load';

/** CSV exports of referrals and rewards, for one campaign or all of them. */
export function ExportButtons({ campaignId }: { campaignId?: string }) {
  const { at, errorMessage } = useAdminText();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const run = (kind: ExportKind) => {
    setBusy(kind);
    setError(null);
    downloadCsv(kind, campaignId)
      .catch((err: unknown) => setError(errorCodeOf(err)))
      .finally(() => setBusy(null));
  };
  return (
    <div className="admin-exports" role="group" aria-label={at('export.label')}>
      {(['referrals', 'rewards'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          className="button button--secondary button--small"
          disabled={busy !== null}
          onClick={() => run(kind)}
        >
          {busy === kind
            ? at('export.preparing')
            : at(kind === 'referrals' ? 'export.referrals' : 'export.rewards')}
        </button>
      ))}
      {error && (
        <p className="field__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
