import { useMemo } from 'react';
import type { TLocale } from '@playloop/shared';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import type { TranslateVars } from '../../i18n/locale';
import { adminEn, type AdminKey, type AdminMessages } from './admin-en';
import { adminIt } from './admin-it';

/**
 * The console's words live in its own chunk (with the console), so players never download them;
 * the language is the app's, chosen with the same switch.
 */
const dictionaries: Record<TLocale, AdminMessages> = { en: adminEn, it: adminIt };

export function fillTemplate(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}

export interface AdminText extends I18n {
  at: (key: AdminKey, vars?: TranslateVars) => string;
  formatNumber: (n: number) => string;
}

export function useAdminText(): AdminText {
  const i18n = useI18n();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(i18n.locale === 'it' ? 'it-IT' : 'en-GB', {
      maximumFractionDigits: 2,
    });
    return {
      ...i18n,
      at: (key, vars) => fillTemplate(dictionaries[i18n.locale][key], vars),
      formatNumber: (n) => numbers.format(n),
    };
  }, [i18n]);
}
