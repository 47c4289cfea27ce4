import { useEffect, useRef } from 'react';
import type { FieldErrors } from './field-errors';

/**
 * After a refused save, moves focus to the first field the server named, so a keyboard or screen
 * reader user lands on the problem (its error is read with it) instead of hunting for it.
 */
export function useFocusFirstInvalid(errors: FieldErrors) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return ref;
}
