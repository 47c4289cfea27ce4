// POST /api/waiting-room/join · GET /api/waiting-room
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  AdmissionTokens,
  Logger,
  Place,
  WaitingRoom,
  WaitingRoomSettings,
} from '@playloop/core';
import {
  toFieldIssues,
  ZVisitorId,
  ZWaitingRoomJoinBody,
  type TWaitingRoomStatus,
} from '@playloop/shared';
import { requestIdFor } from '../http/request-id.js';
import { VISITOR_COOKIE } from '../referrals/invite-link.js';
import { ADMISSION_COOKIE, TICKET_COOKIE } from './cookies.js';
import {
  type AddressBudget,
  readBody,
  readCookieHeader,
  sendError,
  sendJson,
  setCookieLine,
} from './raw-http.js';

export interface WaitingRoomRouteDeps {
  room: WaitingRoom;
  tokens: AdmissionTokens;
  secureCookies: boolean;
  allowedOrigins: string[];
  /** The per-address budget of the `queue` class. */
  budget: AddressBudget;
  logger: Logger;
}

/** Far back in the queue asks less often: ~4 polls per expected wait, between 1 s and 10 s. */
function pollAfterMs(position: number, rate: number): number {
  const spread = Math.min(10_000, Math.max(1000, (position / Math.max(rate, 0.001)) * 250));
  return Math.round(spread * (0.8 + Math.random() * 0.4));
}

/**
 * The waiting room's two calls, served in front of Express: they are what a queue of thousands of
 * refreshing visitors sends, and they need none of its middleware (a cookie, a tiny body, one
 * Redis script). Same contract (`routes.waitingRoomJoin`/`waitingRoomStatus`), same Origin check,
 * per-IP budget and error shape as every other route. Returns false for any other request.
 */
export function createWaitingRoomHandler(deps: WaitingRoomRouteDeps) {
  const allowed = new Set(deps.allowedOrigins);
  const cookie = (name: string, value: string, ttl: number) =>
    setCookieLine(name, value, ttl, deps.secureCookies);
  const clearTicket = setCookieLine(TICKET_COOKIE, '', 0, deps.secureCookies);

  const open = (s: WaitingRoomSettings): TWaitingRoomStatus => ({
    state: 'open',
    position: null,
    etaSeconds: null,
    pollAfterMs: 0,
    admitPerSecond: s.admitPerSecond,
  });

  /** Turns a place into the answer; on admission hands out the admission and frees the ticket. */
  async function answer(
    visitorId: string,
    place: Place,
    s: WaitingRoomSettings,
    cookies: string[],
  ): Promise<TWaitingRoomStatus> {
    if (place.position === 0) {
      cookies.push(
        cookie(
          ADMISSION_COOKIE,
          deps.tokens.issueAdmission(visitorId),
          deps.tokens.admissionTtlSeconds,
        ),
        clearTicket,
      );
      await deps.room.forget(visitorId);
      return {
        state: 'admitted',
        position: null,
        etaSeconds: null,
        pollAfterMs: 0,
        admitPerSecond: s.admitPerSecond,
      };
    }
    const etaSeconds = Math.ceil(place.position / Math.max(s.admitPerSecond, 0.001));
    return {
      state: 'waiting',
      position: place.position,
      etaSeconds,
      pollAfterMs: pollAfterMs(place.position, s.admitPerSecond),
      admitPerSecond: s.admitPerSecond,
    };
  }

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    isJoin: boolean,
    requestId: string,
  ): Promise<void> {
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && allowed.has(origin)
        ? {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Expose-Headers': 'Retry-After, X-Request-Id',
            Vary: 'Origin',
          }
        : {};
    if (isJoin && origin && !allowed.has(origin))
      return sendError(res, 'ORIGIN_NOT_ALLOWED', 403, requestId);
    const waitMs = await deps.budget(req);
    if (waitMs !== null)
      return sendError(res, 'RATE_LIMITED', 429, requestId, {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });

    let body: { visitorId?: string } = {};
    if (isJoin) {
      const raw = await readBody(req, 1024);
      if (raw === null) return sendError(res, 'PAYLOAD_TOO_LARGE', 413, requestId);
      let json: unknown = {};
      try {
        if (raw.trim() !== '' && /json/i.test(req.headers['content-type'] ?? ''))
          json = JSON.parse(raw);
      } catch {
        return sendError(res, 'MALFORMED_JSON', 400, requestId);
      }
      const parsed = ZWaitingRoomJoinBody.safeParse(json ?? {});
      if (!parsed.success)
        return sendError(res, 'VALIDATION_FAILED', 400, requestId, {
          details: toFieldIssues(parsed.error),
        });
      body = parsed.data;
    }

    const s = await deps.room.settings();
    const headers = { ...cors, 'X-Request-Id': requestId };
    if (
      !deps.room.isQueueingFor(s) ||
      deps.tokens.verifyAdmission(readCookieHeader(req, ADMISSION_COOKIE))
    )
      return sendJson(res, 200, open(s), headers);
    const cookies: string[] = [];
    const ticketHolder = deps.tokens.verifyTicket(readCookieHeader(req, TICKET_COOKIE));
    let status: TWaitingRoomStatus;
    if (isJoin) {
      // The same browser always presents the same visitor: its ticket, else the id the SPA keeps
      // for every tab, else the invite link's visitor cookie. Only a browser with none is new.
      const fromCookie = ZVisitorId.safeParse(readCookieHeader(req, VISITOR_COOKIE));
      const visitorId =
        ticketHolder ??
        body.visitorId ??
        (fromCookie.success ? fromCookie.data : randomBytes(16).toString('base64url'));
      const place = await deps.room.join(visitorId);
      if (place.position > 0)
        cookies.push(
          cookie(TICKET_COOKIE, deps.tokens.issueTicket(visitorId), deps.tokens.ticketTtlSeconds),
        );
      status = await answer(visitorId, place, s, cookies);
    } else {
      const place = ticketHolder ? await deps.room.status(ticketHolder) : null;
      status =
        ticketHolder && place
          ? await answer(ticketHolder, place, s, cookies)
          : {
              state: 'not-joined',
              position: null,
              etaSeconds: null,
              pollAfterMs: 0,
              admitPerSecond: s.admitPerSecond,
            };
    }
    sendJson(res, 200, status, cookies.length ? { ...headers, 'Set-Cookie': cookies } : headers);
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0];
    const isJoin = path === '/api/waiting-room/join' && req.method === 'POST';
    const isStatus =
      path === '/api/waiting-room' && (req.method === 'GET' || req.method === 'HEAD');
    if (!isJoin && !isStatus) return false;
    const requestId = requestIdFor(req);
    serve(req, res, isJoin, requestId).catch((err: unknown) => {
      deps.logger.error({ err, requestId }, 'waiting room call failed');
      if (!res.headersSent)
        sendError(res, 'DEPENDENCY_UNAVAILABLE', 503, requestId, { retryAfterSeconds: 2 });
    });
    return true;
  };
}
