import {
  isErrorCode,
  parseRetryAfter,
  ZErrorBody,
  type ErrorCode,
  type TFieldIssue,
} from '@playloop/shared';

/** The server's codes, plus `NETWORK` for when no answer arrived at all. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** Every failed api call rejects with this: a closed code the UI can translate, and field issues for forms. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ClientErrorCode;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly details: TFieldIssue[];
  /** From `Retry-After`, when the server named a wait. */
  readonly retryAfterMs: number | null;
  readonly requestId: string | undefined;

  constructor(
    code: ClientErrorCode,
    status: number,
    message: string,
    extra: {
      details?: TFieldIssue[];
      retryAfterMs?: number | null;
      requestId?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: extra.cause });
    this.code = code;
    this.status = status;
    this.details = extra.details ?? [];
    this.retryAfterMs = extra.retryAfterMs ?? null;
    this.requestId = extra.requestId;
  }

  /** The issue for one field (`email`, `password`…), if the server named it. */
  fieldIssue(path: string): TFieldIssue | undefined {
    return this.details.find((d) => d.path === path);
  }
}

/** A code for bodies that are not ours (a proxy's HTML 502, an empty 429). */
function codeForStatus(status: number): ErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'OVERLOADED';
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  return 'INTERNAL';
}

/** Reads a non-2xx response into an ApiError, validating the body against the shared error schema. */
export async function toApiError(res: Response): Promise<ApiError> {
  const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'));
  const parsed = ZErrorBody.safeParse(await res.json().catch(() => null));
  if (parsed.success && isErrorCode(parsed.data.error.code)) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError(code, res.status, message, {
      retryAfterMs,
      ...(details ? { details } : {}),
      ...(requestId ? { requestId } : {}),
    });
  }
  return new ApiError(codeForStatus(res.status), res.status, `HTTP ${res.status}`, {
    retryAfterMs,
  });
}

export function networkError(cause: unknown): ApiError {
  return new ApiError('NETWORK', 0, 'The request did not reach the server.', { cause });
}
