import {
  ERROR_HTTP_STATUS,
  ERROR_MESSAGES,
  type ErrorCode,
  type TFieldIssue,
} from '@playloop/shared';

/**
 * The one error type the domain throws. `message` is safe to show a user; `internal` (and
 * `cause`) go to the log only.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: TFieldIssue[] | undefined;
  readonly internal: string | undefined;
  /** Milliseconds the client should wait before retrying (429/503). */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ErrorCode,
    opts: {
      message?: string;
      details?: TFieldIssue[];
      internal?: string;
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    super(opts.message ?? ERROR_MESSAGES[code], { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.internal = opts.internal;
    this.retryAfterMs = opts.retryAfterMs;
  }

  get status(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
