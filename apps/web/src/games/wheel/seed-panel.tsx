import { useState, type FormEvent } from 'react';
import { ZClientSeed, type TRotateSeedResponse, type TWheelSeedState } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { TextField } from '../../app/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { wheelApi } from './wheel-api';

/**
 * Provable fairness, in the player's hands: the hash the server committed to before the next
 * spin, the client seed they can change, and rotation, which reveals the old server seed so every
 * spin made with it can be checked.
 */
export function SeedPanel(props: {
  campaignId: string;
  seed: TWheelSeedState;
  disabled: boolean;
  onSeed: (seed: TWheelSeedState) => void;
  onRotated: (rotation: TRotateSeedResponse) => void;
}) {
  const { t, errorMessage } = useI18n();
  const [draft, setDraft] = useState(props.seed.clientSeed);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<TRotateSeedResponse['revealed'] | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setStatus(err instanceof ApiError ? errorMessage(err.code) : errorMessage('INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!ZClientSeed.safeParse(draft).success)
      return setFieldError(t('wheel.seed.clientSeedInvalid'));
    setFieldError(undefined);
    void run(async () => {
      props.onSeed(await wheelApi.setClientSeed(props.campaignId, draft));
      setStatus(t('wheel.seed.saved'));
    });
  };

  const rotate = () =>
    void run(async () => {
      const rotation = await wheelApi.rotateSeed(props.campaignId);
      setRevealed(rotation.revealed);
      props.onRotated(rotation);
      setStatus(t('wheel.seed.rotated'));
    });

  return (
    <section className="card seed-panel" aria-labelledby="seed-title">
      <h2 id="seed-title" className="card__title">
        {t('wheel.seed.title')}
      </h2>
      <p className="muted">{t('wheel.seed.lead')}</p>
      <dl className="facts seed-panel__facts">
        <div>
          <dt>{t('wheel.seed.serverHash')}</dt>
          <dd className="mono">{props.seed.serverSeedHash}</dd>
        </div>
        <div>
          <dt>{t('wheel.seed.nextNonce')}</dt>
          <dd>{props.seed.nextNonce}</dd>
        </div>
      </dl>
      <form className="form seed-panel__form" onSubmit={save} noValidate>
        <TextField
          label={t('wheel.seed.clientSeed')}
          hint={t('wheel.seed.clientSeedHint')}
          error={fieldError}
          value={draft}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="seed-panel__actions">
          <button
            type="submit"
            className="button button--secondary"
            disabled={busy || props.disabled || draft === props.seed.clientSeed}
          >
            {t('wheel.seed.save')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={busy || props.disabled}
            onClick={rotate}
          >
            {t('wheel.seed.rotate')}
          </button>
        </div>
      </form>
      <p className="muted" role="status">
        {status}
      </p>
      {revealed && (
        <div className="notice notice--success">
          <p>{t('wheel.seed.revealedLead', { count: revealed.spinCount })}</p>
          <p className="mono">{revealed.serverSeed}</p>
        </div>
      )}
    </section>
  );
}
