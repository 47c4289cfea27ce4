import { useI18n } from './i18n-context';
import { dictionaries, localeNames, type TLocale } from './locale';

const LOCALES = Object.keys(dictionaries) as TLocale[];

/** Two buttons, each language named in itself; the pressed one is the current language. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-switch__option"
          aria-pressed={code === locale}
          onClick={() => setLocale(code)}
        >
          <span aria-hidden="true">{code.toUpperCase()}</span>
          <span className="visually-hidden">{localeNames[code]}</span>
        </button>
      ))}
    </div>
  );
}
