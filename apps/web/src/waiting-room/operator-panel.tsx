import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { routes, type TAdmissionState, type TWaitingRoomMode } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError, type ClientErrorCode } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { useWaitingRoomText } from './waiting-room-text';

const MODES: TWaitingRoomMode[] = ['off', 'on', 'auto'];
const REFRESH_MS = 2000;

/**
 * The operator's view of admission control (admins only): the waiting room's state, its admission
 * rate, and this api process's shedding counters, refreshed every two seconds; a switch to open or
 * close the room and to set the rate. Meant for the admin console's dashboard.
 */
export function AdmissionOperatorPanel() {
  const t = useWaitingRoomText();
  const { errorMessage } = useI18n();
  const [state, setState] = useState<TAdmissionState | null>(null);
  const [mode, setMode] = useState<TWaitingRoomMode>('off');
  const [rate, setRate] = useState('');
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  const load = useCallback(async (syncForm: boolean) => {
    try {
      const next = await apiFetch(routes.adminAdmission);
      setState(next);
      if (syncForm) {
        setMode(next.mode);
        setRate(String(next.admitPerSecond));
      }
    } catch (err) {
      setError(err instanceof ApiError ? err.code : 'INTERNAL');
    }
  }, []);

  useEffect(() => {
    void load(true);
    const timer = setInterval(() => void load(false), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    setIsSaving(true);
    try {
      const admitPerSecond = Number(rate);
      setState(
        await apiFetch(routes.adminUpdateAdmission, {
          body: { mode, ...(admitPerSecond > 0 ? { admitPerSecond } : {}) },
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.code : 'INTERNAL');
    } finally {
      setIsSaving(false);
    }
  };

  const yesNo = (v: boolean) => (v ? t('panel.yes') : t('panel.no'));
  return (
    <section className="card" aria-labelledby="admission-panel-title">
      <h2 id="admission-panel-title" className="card__title">
        {t('panel.title')}
      </h2>
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {state && (
        <dl className="facts">
          <div>
            <dt>{t('panel.state')}</dt>
            <dd>
              {state.isQueueing ? t('panel.queueing') : t('panel.open')}
              {state.reason &&
                ` (${t(state.reason === 'operator' ? 'panel.byOperator' : 'panel.byLoad')})`}
            </dd>
          </div>
          <div>
            <dt>{t('panel.rate')}</dt>
            <dd>{state.admitPerSecond}</dd>
          </div>
          <div>
            <dt>{t('panel.waiting')}</dt>
            <dd>{state.waiting}</dd>
          </div>
          <div>
            <dt>{t('panel.joined')}</dt>
            <dd>{state.joinedTotal}</dd>
          </div>
          <div>
            <dt>{t('panel.admitted')}</dt>
            <dd>{state.admittedTotal}</dd>
          </div>
          <div>
            <dt>{t('panel.shedding')}</dt>
            <dd>
              {t('panel.inFlight')}: {state.shedding.inFlight} / {state.shedding.inFlightLimit} ·{' '}
              {t('panel.loopDelay')}: {state.shedding.eventLoopDelayMs} ms · {t('panel.overloaded')}
              : {yesNo(state.shedding.isOverloaded)} · {t('panel.shed')}: {state.shedding.shedTotal}{' '}
              · {t('panel.limited')}: {state.shedding.rateLimitedTotal}
            </dd>
          </div>
        </dl>
      )}
      <form className="form" onSubmit={onSubmit} aria-busy={isSaving}>
        <fieldset>
          <legend>{t('panel.mode')}</legend>
          {MODES.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="waiting-room-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
              />{' '}
              {t(`panel.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('panel.rate')}
          <input
            type="number"
            min={0.1}
            step="any"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {t('panel.save')}
        </button>
        {saved && (
          <p role="status" className="notice notice--success">
            {t('panel.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
