// GET /r/:code — the shared invite link: crawlers get Open Graph tags, browsers go to the landing.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedInvite, ClickCounter, InviteDirectory, Logger } from '@playloop/core';
import { readCookieHeader, sendError, type AddressBudget } from '../admission/raw-http.js';
import { requestIdFor } from '../http/request-id.js';

const CODE = /^[A-Za-z0-9_-]{4,32}$/;
const CRAWLER =
  /bot|crawl|spider|facebookexternalhit|facebot|twitterbot|slackbot|whatsapp|telegrambot|linkedinbot|discordbot|embedly|pinterest|skypeuripreview|vkshare|redditbot|applebot/i;
export const INVITE_COOKIE = 'pl_ref';
export const VISITOR_COOKIE = 'pl_vid';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function previewHtml(invite: CachedInvite, url: string): string {
  const title = escapeHtml(`${invite.referrerName} invited you: ${invite.campaign.title}`);
  const description = escapeHtml(invite.shareText || invite.campaign.description);
  const image = invite.campaign.imageUrl ? escapeHtml(invite.campaign.imageUrl) : null;
  const meta = [
    ['og:type', 'website'],
    ['og:title', title],
    ['og:description', description],
    ['og:url', escapeHtml(url)],
    ...(image ? [['og:image', image]] : []),
    ['twitter:card', image ? 'summary_large_image' : 'summary'],
    ['twitter:title', title],
    ['twitter:description', description],
    ...(image ? [['twitter:image', image]] : []),
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="description" content="${description}">
${meta.map(([p, c]) => `<meta ${p?.startsWith('og:') ? 'property' : 'name'}="${p}" content="${c}">`).join('\n')}
</head><body><h1>${title}</h1><p>${description}</p></body></html>`;
}

/** What helmet would add that matters here: no sniffing, no framing, no scripts in the preview. */
const SECURITY_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; img-src https: data:; frame-ancestors 'none'",
};

const NOT_FOUND_HTML =
  '<!doctype html><title>Invite not found</title><h1>This invite link does not exist.</h1><p><a href="/">Playloop</a></p>';

const PATH = /^\/r\/([^/?]*)(?:\?.*)?$/;
const YEAR_SECONDS = 365 * 86_400;

export interface InviteLinkDeps {
  invites: InviteDirectory;
  clicks: ClickCounter;
  appUrl: string;
  secureCookies: boolean;
  logger: Logger;
  windowDays?: number;
  /** The `read` class's per-address budget (the rate limit Express routes get). */
  budget?: AddressBudget;
}

/**
 * The hot path of a viral spike: Redis only (the invite directory's cache and the click counter),
 * never Postgres in steady state. Served in front of Express (see `LoadShedder.guard`), like the
 * waiting room's calls: Express's routing and request set-up, the request log, helmet and the
 * parsers cost more CPU than the link itself (bench:referral-links), and a click is already
 * counted here, so logging each one adds nothing but volume. Rate-limited per address like every
 * other route. Failures never strand the visitor: counting that fails is logged and skipped, and
 * a directory that cannot answer still sends browsers on to the landing page.
 * Returns false for any other request.
 */
export function createInviteLinkHandler(deps: InviteLinkDeps) {
  const cookieTail = `; Path=/; HttpOnly${deps.secureCookies ? '; Secure' : ''}; SameSite=Lax`;
  const windowSeconds = (deps.windowDays ?? 30) * 86_400;

  function send(res: ServerResponse, status: number, html: string, extra: object = {}): void {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      ...extra,
    });
    res.end(html);
  }
  const redirect = (res: ServerResponse, code: string, cookies: string[] = []) => {
    // A bare 302 (no "Redirecting to" body): browsers follow the Location header.
    res.writeHead(302, {
      ...SECURITY_HEADERS,
      Location: `/invite/${encodeURIComponent(code)}`,
      'Content-Length': 0,
      ...(cookies.length ? { 'Set-Cookie': cookies } : {}),
    });
    res.end();
  };

  async function serve(req: IncomingMessage, res: ServerResponse, code: string): Promise<void> {
    if (!CODE.test(code)) return send(res, 404, NOT_FOUND_HTML);
    const waitMs = (await deps.budget?.(req)) ?? null;
    if (waitMs !== null)
      return sendError(res, 'RATE_LIMITED', 429, requestIdFor(req), {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    const isCrawler = CRAWLER.test(req.headers['user-agent'] ?? '');
    let invite: CachedInvite | null;
    try {
      invite = await deps.invites.resolve(code);
    } catch (err) {
      deps.logger.warn({ err, code }, 'invite directory unavailable');
      // The landing page asks the api again and says what is wrong; a crawler can come back.
      if (isCrawler)
        return send(res, 503, '<!doctype html><title>Try again soon</title>', {
          'Retry-After': '30',
        });
      return redirect(res, code);
    }
    if (!invite) return send(res, 404, NOT_FOUND_HTML);
    if (isCrawler) return send(res, 200, previewHtml(invite, `${deps.appUrl}/r/${code}`));

    const given = readCookieHeader(req, VISITOR_COOKIE);
    const visitorId =
      given && /^[A-Za-z0-9_-]{16,64}$/.test(given) ? given : randomBytes(16).toString('base64url');
    const cookies = [`${VISITOR_COOKIE}=${visitorId}; Max-Age=${YEAR_SECONDS}${cookieTail}`];
    // First touch: an earlier invite cookie is kept; the server checks its window at sign-up.
    if (!readCookieHeader(req, INVITE_COOKIE))
      cookies.push(
        `${INVITE_COOKIE}=${code}.${Math.floor(Date.now() / 1000)}; Max-Age=${windowSeconds}${cookieTail}`,
      );
    await deps.clicks
      .record(code, visitorId)
      .catch((err: unknown) => deps.logger.warn({ err, code }, 'click not counted'));
    redirect(res, code, cookies);
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const match = PATH.exec(req.url ?? '');
    if (!match) return false;
    let code: string;
    try {
      code = decodeURIComponent(match[1] as string);
    } catch {
      code = '';
    }
    serve(req, res, code).catch((err: unknown) => {
      deps.logger.error({ err }, 'invite link failed');
      if (!res.headersSent) redirect(res, code);
    });
    return true;
  };
}

/** Parses the first-touch cookie set above. */
export function readInviteCookie(value: unknown): { code: string; touchedAt: Date } | null {
  if (typeof value !== 'string') return null;
  const m = /^([A-Za-z0-9_-]{4,32})\.(\d{9,11})$/.exec(value);
  return m ? { code: m[1] as string, touchedAt: new Date(Number(m[2]) * 1000) } : null;
}
