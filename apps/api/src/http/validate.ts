import type { z } from 'zod';
import { toFieldIssues } from '@playloop/shared';
import { AppError } from '@playloop/core';

/** Parses untrusted input with its contract schema; failures become field-level VALIDATION_FAILED. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success)
    throw new AppError('VALIDATION_FAILED', { details: toFieldIssues(result.error) });
  return result.data;
}
