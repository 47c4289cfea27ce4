import { useI18n } from '../i18n/i18n-context';
import type { useGuardedSubmit } from './use-guarded-submit';

/**
 * The notice under a guarded form: the server's wait while it lasts, else the form's error, unless
 * the form already shows that error next to a field (`hidden`).
 */
export function GuardNotice(props: {
  guard: ReturnType<typeof useGuardedSubmit>;
  /** What the wait says; the login form's wording by default. */
  waitText?: string;
  hidden?: boolean;
}) {
  const { t, errorMessage } = useI18n();
  const { guard } = props;
  if (guard.isWaiting)
    return (
      <p className="notice notice--error" role="alert">
        {props.waitText ?? t('login.rateLimited', { seconds: guard.waitSeconds })}
      </p>
    );
  if (!guard.formError || props.hidden) return null;
  return (
    <p className="notice notice--error" role="alert">
      {errorMessage(guard.formError)}
    </p>
  );
}
