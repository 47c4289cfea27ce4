import { ERROR_MESSAGES, type AckResult, type ErrorCode, type TFieldIssue } from '@playloop/shared';

/** The acknowledgement callback socket.io appends to an event, typed to the one shape acks take. */
export type AckFn = (result: AckResult<unknown>) => void;
export type AckFailure = Extract<AckResult<unknown>, { ok: false }>['error'];

/** Socket.io hands a listener `(…data, ack?)`; every client event carries exactly one payload. */
export function splitArgs(args: unknown[]): { data: unknown[]; ack: AckFn | undefined } {
  const last = args.at(-1);
  return typeof last === 'function'
    ? { data: args.slice(0, -1), ack: last as AckFn }
    : { data: args, ack: undefined };
}

/** An error ack with the code's user-facing message; the internal cause is for the log only. */
export function ackFailure(code: ErrorCode, details?: TFieldIssue[], message?: string): AckFailure {
  const text = message ?? ERROR_MESSAGES[code];
  return details ? { code, message: text, details } : { code, message: text };
}
