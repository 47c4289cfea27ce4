import type { ErrorCode } from '../errors/codes.js';
import type { TFieldIssue } from '../errors/schemas.js';

/** The only shape a socket acknowledgement takes. */
export type AckResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; details?: TFieldIssue[] } };

export type Ack<T> = (result: AckResult<T>) => void;

/** Reasons the server gives when it refuses a handshake (`connect_error` → `err.data.code`). */
export const HandshakeErrorCode = {
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  AUTH_INVALID_TOKEN: 'AUTH_INVALID_TOKEN',
  AUTH_TOKEN_EXPIRED: 'AUTH_TOKEN_EXPIRED',
  OVERLOADED: 'OVERLOADED',
} as const;
export type HandshakeErrorCode = (typeof HandshakeErrorCode)[keyof typeof HandshakeErrorCode];
