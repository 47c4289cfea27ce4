import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ZAccountDeleteBody } from '@playloop/shared';
import { ApiError } from '../api/api-error';
import { TextField } from '../app/text-field';
import { GuardedSubmitButton } from '../auth/guarded-submit-button';
import { GuardNotice } from '../auth/guard-notice';
import { deleteAccount } from '../auth/session-store';
import { useGuardedSubmit } from '../auth/use-guarded-submit';
import { useI18n } from '../i18n/i18n-context';

/**
 * The right to erasure: what goes and what stays is said before the button, the password is asked
 * again where Playloop keeps it, and the browser asks once more before anything is sent.
 */
export function DeleteAccountForm({ localPasswords }: { localPasswords: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const guard = useGuardedSubmit();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ZAccountDeleteBody.safeParse(
      localPasswords ? { currentPassword: password } : {},
    );
    if (!parsed.success || (localPasswords && !password)) return setError(t('validation.required'));
    setError(undefined);
    if (!window.confirm(t('account.deleteConfirm'))) return;
    await guard.submit(async () => {
      try {
        await deleteAccount(parsed.data);
      } catch (err) {
        if (err instanceof ApiError && err.fieldIssue('currentPassword'))
          setError(t('account.wrongPassword'));
        throw err;
      }
      navigate('/', { replace: true });
    });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="delete-account-title">
      <h3 id="delete-account-title">{t('account.deleteTitle')}</h3>
      <p className="muted">{t('account.deleteText')}</p>
      {localPasswords && (
        <TextField
          label={t('account.deletePassword')}
          name="deletePassword"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={error}
          onChange={(e) => setPassword(e.target.value)}
        />
      )}
      <GuardNotice guard={guard} hidden={Boolean(error)} />
      <GuardedSubmitButton
        guard={guard}
        label={t('account.deleteButton')}
        block={false}
        variant="danger"
      />
    </form>
  );
}
