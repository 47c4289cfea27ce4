import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './i18n-context';
import { detectLocale, rememberLocale, translate, translateError, type TLocale } from './locale';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<TLocale>(detectLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: TLocale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      errorMessage: (code) => translateError(locale, code),
      formatDate: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
