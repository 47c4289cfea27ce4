import { ERROR_MESSAGES, ZLocale, type TLocale } from '@playloop/shared';
import type { ClientErrorCode } from '../api/api-error';
import { en, type MessageKey, type Messages } from './en';
import { it } from './it';

export type { MessageKey, TLocale };

export const dictionaries: Record<TLocale, Messages> = { en, it };

/** Each language is named in itself, so a reader can find theirs whatever language is showing. */
export const localeNames: Record<TLocale, string> = { en: 'English', it: 'Italiano' };

const STORAGE_KEY = 'playloop.locale';

/** The remembered choice, else the browser's first language we speak, else English. */
export function detectLocale(): TLocale {
  const stored = ZLocale.safeParse(readStorage());
  if (stored.success) return stored.data;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = ZLocale.safeParse(tag?.slice(0, 2).toLowerCase());
    if (base.success) return base.data;
  }
  return 'en';
}

export function rememberLocale(locale: TLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export type TranslateVars = Record<string, string | number>;

/** Looks `key` up in `locale` and fills `{placeholders}` from `vars`. */
export function translate(locale: TLocale, key: MessageKey, vars?: TranslateVars): string {
  const template = dictionaries[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}

/** The message for an error code in `locale`; the contract's English text for a code not yet translated. */
export function translateError(locale: TLocale, code: ClientErrorCode): string {
  const key = `error.${code}`;
  const dictionary: Record<string, string> = dictionaries[locale];
  return (
    dictionary[key] ??
    (code === 'NETWORK' ? dictionary['error.NETWORK'] : ERROR_MESSAGES[code]) ??
    ERROR_MESSAGES.INTERNAL
  );
}
