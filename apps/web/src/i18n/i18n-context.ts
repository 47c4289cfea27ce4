import { createContext, useContext } from 'react';
import type { ClientErrorCode } from '../api/api-error';
import type { MessageKey, TLocale, TranslateVars } from './locale';

export interface I18n {
  locale: TLocale;
  setLocale: (locale: TLocale) => void;
  t: (key: MessageKey, vars?: TranslateVars) => string;
  /** What to tell the reader about an api or socket error code. */
  errorMessage: (code: ClientErrorCode) => string;
  formatDate: (iso: string) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
