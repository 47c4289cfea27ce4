import type { TUser } from '@playloop/shared';
import { useLocalPasswords } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';
import { DataDownload } from './data-download';
import { DeleteAccountForm } from './delete-account-form';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

/**
 * The dashboard's settings card: name and language, the password when Playloop keeps it, your data
 * and erasing the account.
 */
export function AccountSettings({ user }: { user: TUser }) {
  const { t } = useI18n();
  const localPasswords = useLocalPasswords();
  return (
    <section className="card account-settings" aria-labelledby="settings-title">
      <h2 id="settings-title" className="card__title">
        {t('account.title')}
      </h2>
      <ProfileForm user={user} />
      {localPasswords && <PasswordForm />}
      <DataDownload />
      <DeleteAccountForm localPasswords={localPasswords} />
    </section>
  );
}
