import { useCallback } from 'react';
import { Navigate, useParams } from 'react-router';
import type { TWallet, TWheelSpinResult } from '@playloop/shared';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { DailySpin } from './daily-spin';
import { OddsTable } from './odds-table';
import { SeedPanel } from './seed-panel';
import { SpinHistory } from './spin-history';
import { useWheelData } from './use-wheel-data';
import { WheelStage } from './wheel-stage';
import './wheel.css';

/** `/wheel/:campaignId`: the wheel of fortune of one campaign. */
export function WheelPage() {
  const { campaignId } = useParams();
  if (!campaignId) return <Navigate to="/wheel" replace />;
  return <WheelOf campaignId={campaignId} key={campaignId} />;
}

function WheelOf({ campaignId }: { campaignId: string }) {
  const { t, errorMessage } = useI18n();
  useDocumentTitle(t('wheel.title'));
  const data = useWheelData(campaignId);
  const { state, setState, reload, reloadHistory } = data;

  const onWallet = useCallback(
    (wallet: TWallet) => setState((s) => s && { ...s, spinsAvailable: wallet.spins }),
    [setState],
  );
  const onSpun = useCallback(
    (result: TWheelSpinResult) => {
      setState(
        (s) =>
          s && {
            ...s,
            spinsAvailable: result.wallet.spins,
            seed: { ...s.seed, clientSeed: result.clientSeed, nextNonce: result.nonce + 1 },
          },
      );
      // Stock left changed for everyone; the history gained a row.
      void reload();
      void reloadHistory();
    },
    [setState, reload, reloadHistory],
  );

  if (data.error) {
    return (
      <div className="page-head">
        <h1>{t('wheel.title')}</h1>
        <p className="notice notice--error" role="alert">
          {errorMessage(data.error.code)}
        </p>
      </div>
    );
  }
  if (!state) {
    return (
      <p className="page-loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  return (
    <div className="wheel-page">
      <div className="page-head">
        <h1>{t('wheel.title')}</h1>
        <p className="muted">{t('wheel.lead')}</p>
      </div>
      <DailySpin
        campaignId={campaignId}
        status={state.dailySpin}
        onClaimed={(claimed) =>
          setState(
            (s) =>
              s && {
                ...s,
                spinsAvailable: claimed.spinsAvailable,
                dailySpin: { available: false, nextAt: claimed.nextAt },
              },
          )
        }
      />
      <WheelStage
        state={state}
        onSpun={onSpun}
        onWallet={onWallet}
        onRefresh={() => {
          void reload();
          void reloadHistory();
        }}
      />
      <div className="wheel-page__panels">
        <OddsTable segments={state.segments} />
        <SeedPanel
          campaignId={campaignId}
          seed={state.seed}
          disabled={false}
          onSeed={(seed) => setState((s) => s && { ...s, seed })}
          onRotated={(rotation) => {
            setState((s) => s && { ...s, seed: rotation.current });
            void reloadHistory();
          }}
        />
        <SpinHistory
          spins={data.history}
          error={data.historyError ? errorMessage(data.historyError.code) : null}
        />
      </div>
    </div>
  );
}
