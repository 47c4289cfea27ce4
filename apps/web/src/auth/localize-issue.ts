import type { z } from 'zod';
import type { I18n } from '../i18n/i18n-context';

/**
 * The shared schemas' messages are English; forms show the reader's language. Only the codes the
 * sign-up and login schemas can produce are mapped; anything else falls back to a generic line.
 */
export function localizeIssue(issue: z.core.$ZodIssue, value: string, t: I18n['t']): string {
  if (value.trim() === '') return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      return t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.displayNameChars');
    default:
      return t('validation.invalid');
  }
}

/** First issue per top-level field, localized. */
export function fieldErrorsFrom<F extends string>(
  error: z.ZodError,
  values: Record<F, string>,
  t: I18n['t'],
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as F;
    if (field in values && !errors[field]) errors[field] = localizeIssue(issue, values[field], t);
  }
  return errors;
}
