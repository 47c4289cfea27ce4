import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteClass, RouteLimits } from '@playloop/core';
import { ERROR_MESSAGES, type ErrorCode } from '@playloop/shared';

/** The client address as Express computes it with `trust proxy` = `hops`. */
export function clientIp(req: IncomingMessage, hops: number): string {
  const remote = req.socket.remoteAddress ?? 'unknown';
  if (hops === 0) return remote;
  const header = req.headers['x-forwarded-for'];
  const forwarded =
    typeof header === 'string'
      ? header
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .reverse()
      : [];
  const chain = [remote, ...forwarded];
  return chain[Math.min(hops, chain.length - 1)] as string;
}

/**
 * The rate limit of the calls served in front of Express: spends one request of the client
 * address's budget of a route class; resolves to the milliseconds to wait when it is spent (the
 * refusal already counted), else null.
 */
export type AddressBudget = (req: IncomingMessage) => Promise<number | null>;

export function addressBudget(
  limits: RouteLimits | null,
  cls: RouteClass,
  trustProxyHops: number,
  onRefused: () => void,
): AddressBudget {
  return async (req) => {
    if (!limits) return null;
    const verdict = await limits.check(cls, { ip: clientIp(req, trustProxyHops), accountId: null });
    if (!verdict) return null;
    onRefused();
    return verdict.retryAfterMs;
  };
}

export function readCookieHeader(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      if (value.length > 1024) return undefined;
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** `name=value; Path=/api; HttpOnly; SameSite=Lax; Max-Age=…[; Secure]` (values here are JWTs: cookie-safe). */
export function setCookieLine(
  name: string,
  value: string,
  maxAgeSeconds: number,
  secure: boolean,
): string {
  return `${name}=${value}; Max-Age=${maxAgeSeconds}; Path=/api; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Reads a small body; null when it is larger than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  status: number,
  requestId: string,
  extra: { retryAfterSeconds?: number; details?: unknown } = {},
): void {
  sendJson(
    res,
    status,
    {
      error: {
        code,
        message: ERROR_MESSAGES[code],
        requestId,
        ...(extra.details ? { details: extra.details } : {}),
      },
    },
    {
      'X-Request-Id': requestId,
      ...(extra.retryAfterSeconds ? { 'Retry-After': String(extra.retryAfterSeconds) } : {}),
    },
  );
}
