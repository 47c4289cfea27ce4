import { useState } from 'react';
import type { TDailySpinResponse } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { wheelApi } from './wheel-api';

/** Today's free spin: a button while it is there, the time of the next one once claimed. */
export function DailySpin(props: {
  campaignId: string;
  status: { available: boolean; nextAt: string };
  onClaimed: (claimed: TDailySpinResponse) => void;
}) {
  const { t, errorMessage, formatDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const claim = async () => {
    setBusy(true);
    try {
      props.onClaimed(await wheelApi.claimDailySpin(props.campaignId));
      setMessage(t('wheel.daily.claimed'));
    } catch (err) {
      setMessage(errorMessage(err instanceof ApiError ? err.code : 'INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="daily-spin">
      {props.status.available ? (
        <button type="button" className="button button--secondary" onClick={claim} disabled={busy}>
          🎁 {t('wheel.daily.claim')}
        </button>
      ) : (
        <p className="muted">{t('wheel.daily.next', { time: formatDate(props.status.nextAt) })}</p>
      )}
      <p className="muted" role="status">
        {message}
      </p>
    </div>
  );
}
