import { z } from 'zod';
import { ErrorCode } from './codes.js';

/** One field-level problem: `path` is dotted (`email`, `segments.2.weight`). */
export const ZFieldIssue = z.object({ path: z.string(), message: z.string() });
export type TFieldIssue = z.infer<typeof ZFieldIssue>;

export const ZErrorInfo = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  requestId: z.string().optional(),
  details: z.array(ZFieldIssue).optional(),
});
export type TErrorInfo = z.infer<typeof ZErrorInfo>;

/** Every non-2xx REST response: `{ "error": { code, message, requestId } }`. */
export const ZErrorBody = z.object({ error: ZErrorInfo });
export type TErrorBody = z.infer<typeof ZErrorBody>;

/** Turns zod issues into field-level issues a form can show next to its fields. */
export function toFieldIssues(error: z.ZodError): TFieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
