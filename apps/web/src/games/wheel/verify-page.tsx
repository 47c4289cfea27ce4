import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { verifySpin, type TWheelSpinRecord } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { VerifySteps } from './verify-steps';
import { wheelApi } from './wheel-api';
import './wheel.css';

/**
 * `/verify/wheel/:spinId`: recomputes a spin in this browser with the same shared function the
 * server drew it with, from the revealed server seed, and says whether it matches.
 */
export function VerifyWheelPage() {
  const { spinId = '' } = useParams();
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('verify.title'));
  const [record, setRecord] = useState<TWheelSpinRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setRecord(await wheelApi.spin(spinId));
      setError(null);
    } catch (err) {
      setError(errorMessage(err instanceof ApiError ? err.code : 'INTERNAL'));
    }
  }, [spinId, errorMessage]);
  useEffect(() => void load(), [load]);

  const reveal = async (campaignId: string) => {
    setBusy(true);
    try {
      await wheelApi.rotateSeed(campaignId);
      await load();
    } catch (err) {
      setError(errorMessage(err instanceof ApiError ? err.code : 'INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="verify-page">
      <div className="page-head">
        <h1>{t('verify.title')}</h1>
        <p className="muted">{t('verify.lead')}</p>
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : !record ? (
        <p className="page-loading" role="status">
          {t('app.loading')}
        </p>
      ) : record.serverSeed === null ? (
        <section className="card">
          <h2 className="card__title">{t('verify.pendingTitle')}</h2>
          <p>{t('verify.pendingBody')}</p>
          <p className="mono">{record.serverSeedHash}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => reveal(record.campaignId)}
          >
            {t('verify.revealNow')}
          </button>
        </section>
      ) : (
        <Verdict record={record} serverSeed={record.serverSeed} />
      )}
      {record && (
        <p>
          <Link to={`/wheel/${record.campaignId}`}>{t('verify.backToWheel')}</Link>
        </p>
      )}
    </div>
  );
}

function Verdict({ record, serverSeed }: { record: TWheelSpinRecord; serverSeed: string }) {
  const { t } = useI18n();
  const weights = record.segments.map((s) => s.weight);
  const check = verifySpin({ ...record, serverSeed, weights, segmentIndex: record.drawnIndex });
  const reason = check.valid ? null : check.reason;
  return (
    <>
      <div
        className={`notice verify-verdict ${check.valid ? 'notice--success' : 'notice--error'}`}
        role="status"
      >
        <p className="verify-verdict__title">
          <span aria-hidden="true">{check.valid ? '✓ ' : '✗ '}</span>
          {check.valid ? t('verify.pass') : t('verify.fail')}
        </p>
        {reason && <p>{t(`verify.reason.${reason}`)}</p>}
      </div>
      <VerifySteps record={record} serverSeed={serverSeed} computedIndex={check.computedIndex} />
    </>
  );
}
