import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type Logger } from '@playloop/core';
import type { TErrorBody } from '@playloop/shared';

/** Maps body-parser failures and anything else to AppError, then to `{error:{code,message,requestId}}`. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON');
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('VALIDATION_FAILED', { message: 'Unsupported body encoding.' });
  }
  return new AppError('INTERNAL', { cause: err });
}

export function sendError(
  res: Parameters<RequestHandler>[1],
  err: AppError,
  requestId: string,
): void {
  if (err.retryAfterMs !== undefined)
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))));
  const body: TErrorBody = {
    error: {
      code: err.code,
      message: err.message,
      requestId,
      ...(err.details ? { details: err.details } : {}),
    },
  };
  res.status(err.status).json(body);
}

/** Called for every FORBIDDEN answer, e.g. to write the refusal to the audit trail. */
export type RefusalHook = (
  req: Parameters<ErrorRequestHandler>[1],
  res: Parameters<ErrorRequestHandler>[2],
  err: AppError,
) => Promise<void>;

export function errorHandler(logger: Logger, onRefused?: RefusalHook): ErrorRequestHandler {
  return async (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const appErr = toAppError(err);
    if (appErr.code === 'FORBIDDEN' && onRefused) {
      await onRefused(req, res, appErr).catch((hookErr: unknown) =>
        (req.log ?? logger).error({ err: hookErr }, 'refusal hook failed'),
      );
    }
    const log = req.log ?? logger;
    if (appErr.code === 'INTERNAL') log.error({ err }, 'unhandled error');
    else log.info({ code: appErr.code, internal: appErr.internal }, 'request refused');
    sendError(res, appErr, req.id ? String(req.id) : 'unknown');
  };
}

export const notFoundHandler: RequestHandler = (_req, _res, next) =>
  next(new AppError('NOT_FOUND'));
