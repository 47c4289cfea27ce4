import { useId, useState, type FormEvent } from 'react';
import { routes, ZLocale, ZProfileUpdateBody, type TLocale, type TUser } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { TextField } from '../app/text-field';
import { fieldErrorsFrom } from '../auth/localize-issue';
import { updateSignedInUser } from '../auth/session-store';
import { useGuardedSubmit } from '../auth/use-guarded-submit';
import { useI18n } from '../i18n/i18n-context';
import { localeNames } from '../i18n/locale';

/**
 * The name other players see (leaderboards, invite pages) and the language of the app and of the
 * emails Playloop sends.
 */
export function ProfileForm({ user }: { user: TUser }) {
  const { t, errorMessage, setLocale } = useI18n();
  const languageId = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLanguage] = useState<TLocale>(user.locale);
  const [nameError, setNameError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const guard = useGuardedSubmit();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const parsed = ZProfileUpdateBody.safeParse({ displayName, locale });
    if (!parsed.success)
      return setNameError(fieldErrorsFrom(parsed.error, { displayName }, t).displayName);
    setNameError(undefined);
    await guard.submit(async () => {
      const { user: updated } = await apiFetch(routes.updateMe, { body: parsed.data });
      updateSignedInUser(updated);
      setLocale(updated.locale);
      setSaved(true);
    });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="profile-form-title">
      <h3 id="profile-form-title">{t('account.profileTitle')}</h3>
      <TextField
        label={t('signup.displayName')}
        hint={t('signup.displayNameHint')}
        name="displayName"
        autoComplete="nickname"
        value={displayName}
        error={nameError}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <div className="field">
        <label className="field__label" htmlFor={languageId}>
          {t('account.language')}
        </label>
        <select
          id={languageId}
          className="field__input"
          value={locale}
          onChange={(e) => setLanguage(ZLocale.parse(e.target.value))}
        >
          {ZLocale.options.map((l) => (
            <option key={l} value={l}>
              {localeNames[l]}
            </option>
          ))}
        </select>
      </div>
      {saved && (
        <p className="notice notice--success" role="status">
          {t('account.saved')}
        </p>
      )}
      {guard.formError && (
        <p className="notice notice--error" role="alert">
          {errorMessage(guard.formError)}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={guard.isSubmitting || guard.isWaiting}
      >
        {t('account.save')}
      </button>
    </form>
  );
}
