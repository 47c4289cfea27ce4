import { useState, type FormEvent } from 'react';
import { ZPasswordChangeBody } from '@playloop/shared';
import { ApiError } from '../api/api-error';
import { TextField } from '../app/text-field';
import { fieldErrorsFrom } from '../auth/localize-issue';
import { changePassword } from '../auth/session-store';
import { GuardNotice } from '../auth/guard-notice';
import { GuardedSubmitButton } from '../auth/guarded-submit-button';
import { useGuardedSubmit } from '../auth/use-guarded-submit';
import { useI18n } from '../i18n/i18n-context';

type Field = 'currentPassword' | 'newPassword';
const empty: Record<Field, string> = { currentPassword: '', newPassword: '' };

/** A new password, proved by the current one; every other device is signed out. */
export function PasswordForm() {
  const { t } = useI18n();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [changed, setChanged] = useState(false);
  const guard = useGuardedSubmit();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChanged(false);
    const parsed = ZPasswordChangeBody.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrorsFrom(parsed.error, values, t));
    setErrors({});
    await guard.submit(async () => {
      try {
        await changePassword(parsed.data);
      } catch (err) {
        if (err instanceof ApiError && err.fieldIssue('currentPassword'))
          setErrors({ currentPassword: t('account.wrongPassword') });
        throw err;
      }
      setValues(empty);
      setChanged(true);
    });
  };

  const bind = (field: Field) => ({
    name: field,
    type: 'password',
    required: true,
    value: values[field],
    error: errors[field],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="password-form-title">
      <h3 id="password-form-title">{t('account.passwordTitle')}</h3>
      <TextField
        label={t('account.currentPassword')}
        autoComplete="current-password"
        {...bind('currentPassword')}
      />
      <TextField
        label={t('reset.password')}
        hint={t('signup.passwordHint')}
        autoComplete="new-password"
        {...bind('newPassword')}
      />
      {changed && (
        <p className="notice notice--success" role="status">
          {t('account.passwordChanged')}
        </p>
      )}
      <GuardNotice guard={guard} hidden={Boolean(errors.currentPassword)} />
      <GuardedSubmitButton guard={guard} label={t('account.changePassword')} block={false} />
    </form>
  );
}
