import { ApiError } from '../../api/api-error';

/** Field path (`endsAt`, `variants.1.weight`) → the server's message for it. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The server's per-field issues of a failed save; empty for errors that name no field. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of err.details) {
    // The first issue per field is the one to fix first; zod lists them in schema order.
    if (issue.path !== '(root)' && !(issue.path in out)) out[issue.path] = issue.message;
  }
  return out;
}

/** Issues for paths under `prefix.` (a list's rows), re-keyed without it. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}
