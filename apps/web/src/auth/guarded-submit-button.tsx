import { useI18n } from '../i18n/i18n-context';
import type { useGuardedSubmit } from './use-guarded-submit';

/**
 * The submit button of a guarded form: off while a submission runs and while the server's wait
 * lasts, counting that wait down on its label.
 */
export function GuardedSubmitButton(props: {
  guard: ReturnType<typeof useGuardedSubmit>;
  label: string;
  /** Shown while the submission runs; the label otherwise. */
  busyLabel?: string;
  block?: boolean;
  /** `danger` for a form whose submission cannot be undone. */
  variant?: 'primary' | 'danger';
}) {
  const { t } = useI18n();
  const { guard } = props;
  return (
    <button
      type="submit"
      className={`button button--${props.variant ?? 'primary'}${props.block === false ? '' : ' button--block'}`}
      disabled={guard.isSubmitting || guard.isWaiting}
    >
      {guard.isWaiting
        ? t('login.waitButton', { seconds: guard.secondsLeft })
        : guard.isSubmitting && props.busyLabel
          ? props.busyLabel
          : props.label}
    </button>
  );
}
