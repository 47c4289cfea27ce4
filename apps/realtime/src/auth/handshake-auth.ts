import { isAppError, type Logger } from '@playloop/core';
import { ERROR_MESSAGES, HandshakeErrorCode } from '@playloop/shared';
import type { ExtendedError } from 'socket.io';
import type { RealtimeMetrics } from '../metrics/metrics.js';
import type { Authenticate, RealtimeSocket } from '../types.js';

/** A refusal socket.io carries to the client's `connect_error` as `err.message` and `err.data`. */
function refusal(code: HandshakeErrorCode): ExtendedError {
  return Object.assign(new Error(ERROR_MESSAGES[code]), { data: { code } });
}

/** Codes the verifier throws that describe the token itself, so they can be passed on as they are. */
const TOKEN_CODES = new Set<string>([
  HandshakeErrorCode.AUTH_INVALID_TOKEN,
  HandshakeErrorCode.AUTH_TOKEN_EXPIRED,
]);

/**
 * `io.use` middleware: the access token travels in `handshake.auth.token` (never the query string,
 * which ends up in access logs). Verified once per connection; `socket.data` then names the user.
 */
export function createHandshakeAuth(deps: {
  authenticate: Authenticate;
  logger: Logger;
  metrics: RealtimeMetrics;
}) {
  const refuse = (code: HandshakeErrorCode, next: (err?: ExtendedError) => void) => {
    deps.metrics.handshakeRefusals.inc({ code });
    next(refusal(code));
  };

  return async (socket: RealtimeSocket, next: (err?: ExtendedError) => void): Promise<void> => {
    const auth: unknown = socket.handshake.auth;
    const token =
      typeof auth === 'object' && auth !== null
        ? (auth as Record<string, unknown>).token
        : undefined;
    if (typeof token !== 'string' || token === '')
      return refuse(HandshakeErrorCode.AUTH_REQUIRED, next);

    try {
      const principal = await deps.authenticate(token);
      socket.data.userId = principal.userId;
      socket.data.role = principal.role;
      next();
    } catch (err) {
      if (isAppError(err) && TOKEN_CODES.has(err.code)) {
        deps.logger.debug(
          { code: err.code, reason: err.internal, ip: socket.handshake.address },
          'handshake refused',
        );
        return refuse(err.code as HandshakeErrorCode, next);
      }
      // Not the token's fault (Postgres down while provisioning a Supabase user, …): the client
      // should back off and retry, which is what OVERLOADED tells it.
      deps.logger.error({ err }, 'handshake authentication failed unexpectedly');
      refuse(HandshakeErrorCode.OVERLOADED, next);
    }
  };
}
