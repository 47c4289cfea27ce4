import type { IncomingMessage } from 'node:http';

export interface OriginPolicy {
  allowedOrigins: readonly string[];
  allowNoOrigin: boolean;
}

export type OriginVerdict =
  { allowed: true } | { allowed: false; reason: 'origin_missing' | 'origin_not_listed' };

/**
 * Decides whether a handshake request may open a socket, from its `Origin` header alone.
 * Exact string match: browsers send a serialised origin, so `https://a.com` never equals
 * `https://a.com.evil.net` or `null` (sandboxed frames, file:// pages), which are refused.
 */
export function checkOrigin(origin: string | undefined, policy: OriginPolicy): OriginVerdict {
  if (origin === undefined || origin === '') {
    return policy.allowNoOrigin ? { allowed: true } : { allowed: false, reason: 'origin_missing' };
  }
  return policy.allowedOrigins.includes(origin)
    ? { allowed: true }
    : { allowed: false, reason: 'origin_not_listed' };
}

/**
 * engine.io's `allowRequest`: it runs on every new session, polling and websocket alike, before
 * any socket exists; CORS alone would only stop a browser from reading replies, not a socket opening.
 */
export function createAllowRequest(
  policy: OriginPolicy,
  onRefused: (verdict: OriginVerdict, origin: string | undefined) => void,
) {
  return (
    req: IncomingMessage,
    callback: (err: string | null | undefined, success: boolean) => void,
  ): void => {
    const origin = req.headers.origin;
    const verdict = checkOrigin(origin, policy);
    if (verdict.allowed) return callback(null, true);
    onRefused(verdict, origin);
    callback('ORIGIN_NOT_ALLOWED', false);
  };
}
