// GET /r/:code — the shared invite link: crawlers get Open Graph tags, browsers go to the landing.
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { CachedInvite, ClickCounter, InviteDirectory, Logger } from '@playloop/core';
import { rawCookie } from '../http/raw-cookie.js';

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
function securityHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; img-src https: data:; frame-ancestors 'none'",
  );
}

const NOT_FOUND_HTML =
  '<!doctype html><title>Invite not found</title><h1>This invite link does not exist.</h1><p><a href="/">Playloop</a></p>';

/**
 * The hot path of a viral spike: Redis only (the invite directory's cache and the click counter),
 * never Postgres in steady state. Mounted right after admission control and before the api's
 * request logging, security-header, CORS and body middleware: those cost more CPU than the link
 * itself (bench:referral-links), and a click is already counted here, so logging each one adds
 * nothing but volume. Failures never strand the visitor: counting that fails is logged and
 * skipped, and a directory that cannot answer still sends browsers on to the landing page.
 */
export function inviteLinkRoutes(deps: {
  invites: InviteDirectory;
  clicks: ClickCounter;
  appUrl: string;
  secureCookies: boolean;
  logger: Logger;
  windowDays?: number;
}): Router {
  const router = Router();
  router.get('/r/:code', async (req: Request, res: Response) => {
    const code = String(req.params.code);
    securityHeaders(res);
    if (!CODE.test(code)) {
      res.status(404).type('html').send(NOT_FOUND_HTML);
      return;
    }
    const isCrawler = CRAWLER.test(req.headers['user-agent'] ?? '');
    let invite: CachedInvite | null;
    try {
      invite = await deps.invites.resolve(code);
    } catch (err) {
      deps.logger.warn({ err, code }, 'invite directory unavailable');
      // The landing page asks the api again and says what is wrong; a crawler can come back.
      if (isCrawler)
        res
          .status(503)
          .setHeader('Retry-After', '30')
          .type('html')
          .send('<!doctype html><title>Try again soon</title>');
      else
        res
          .status(302)
          .location(`/invite/${encodeURIComponent(code)}`)
          .end();
      return;
    }
    if (!invite) {
      res.status(404).type('html').send(NOT_FOUND_HTML);
      return;
    }
    if (isCrawler) {
      res
        .status(200)
        .type('html')
        .send(previewHtml(invite, `${deps.appUrl}/r/${code}`));
      return;
    }
    const given = rawCookie(req, VISITOR_COOKIE);
    const visitorId =
      given && /^[A-Za-z0-9_-]{16,64}$/.test(given) ? given : randomBytes(16).toString('base64url');
    const maxAge = (deps.windowDays ?? 30) * 86_400_000;
    const base = {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.secureCookies,
      path: '/',
    };
    res.cookie(VISITOR_COOKIE, visitorId, { ...base, maxAge: 365 * 86_400_000 });
    // First touch: an earlier invite cookie is kept; the server checks its window at sign-up.
    if (!rawCookie(req, INVITE_COOKIE))
      res.cookie(INVITE_COOKIE, `${code}.${Math.floor(Date.now() / 1000)}`, { ...base, maxAge });
    await deps.clicks
      .record(code, visitorId)
      .catch((err: unknown) => deps.logger.warn({ err, code }, 'click not counted'));
    // A bare 302 (no negotiated "Redirecting to" body): browsers follow the Location header.
    res
      .status(302)
      .location(`/invite/${encodeURIComponent(code)}`)
      .end();
  });
  return router;
}

/** Parses the first-touch cookie set above. */
export function readInviteCookie(value: unknown): { code: string; touchedAt: Date } | null {
  if (typeof value !== 'string') return null;
  const m = /^([A-Za-z0-9_-]{4,32})\.(\d{9,11})$/.exec(value);
  return m ? { code: m[1] as string, touchedAt: new Date(Number(m[2]) * 1000) } : null;
}
