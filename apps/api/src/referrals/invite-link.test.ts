import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLogger,
  type CachedInvite,
  type ClickCounter,
  type InviteDirectory,
} from '@playloop/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createInviteLinkHandler } from './invite-link.js';

// The handler's own contract, without the api around it: it runs in front of Express, so it must
// read its cookies and set its headers itself, and leave every other request alone. Failures are injected through the two
// interfaces it depends on (the real ones are covered against Redis in test/referrals.int.test.ts).
const invite: CachedInvite = {
  code: 'abcdefghij',
  referrerName: 'Ada',
  campaign: { id: 'cmp_00000000000000000000', title: 'Demo', description: 'Play', imageUrl: null },
  rewards: { referrerPoints: 100, refereePoints: 50 },
  running: true,
  shareText: '',
  landingTitle: '',
  landingText: '',
  variants: [],
};

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(
  opts: { resolve?: InviteDirectory['resolve']; record?: ClickCounter['record'] } = {},
) {
  const recorded: Array<[string, string]> = [];
  const invites = {
    resolve: opts.resolve ?? (async (code: string) => (code === invite.code ? invite : null)),
  } as InviteDirectory;
  const clicks = {
    record:
      opts.record ?? (async (code: string, visitor: string) => void recorded.push([code, visitor])),
  } as ClickCounter;
  const handle = createInviteLinkHandler({
    invites,
    clicks,
    appUrl: 'https://play.example',
    secureCookies: true,
    logger: createLogger({ name: 'test', level: 'silent' }),
  });
  server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(418).end('not mine');
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers, redirect: 'manual' });
  return { base, get, recorded };
}

describe('GET /r/:code on its own', () => {
  it('redirects a browser with its own security headers, keeping the visitor and the first touch it already has', async () => {
    const { get, recorded } = await serve();
    const visitor = 'visitor-0123456789abcdef';
    const res = await get(`/r/${invite.code}`, {
      cookie: `other=1; pl_vid=${visitor}; pl_ref=firstcode1.1700000000`,
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/invite/${invite.code}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const cookies = res.headers.getSetCookie().join('\n');
    expect(cookies).toContain(`pl_vid=${visitor}`);
    expect(cookies).not.toContain('pl_ref=');
    expect(recorded).toEqual([[invite.code, visitor]]);
  });

  it('gives a new visitor an id and a first-touch cookie; a crawler gets the preview, not a redirect', async () => {
    const { get } = await serve();
    const res = await get(`/r/${invite.code}`);
    expect(res.headers.getSetCookie().join('\n')).toMatch(
      new RegExp(`pl_ref=${invite.code}\\.\\d+;.*HttpOnly; Secure; SameSite=Lax`),
    );
    const bot = await get(`/r/${invite.code}`, { 'user-agent': 'Slackbot-LinkExpanding 1.0' });
    expect(bot.status).toBe(200);
    expect(bot.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await bot.text()).toContain('Ada invited you: Demo');
  });

  it('still sends a browser on when the directory or the counter fails; a crawler is asked to come back', async () => {
    const { get } = await serve({
      resolve: async () => {
        throw new Error('redis unreachable');
      },
    });
    const browser = await get(`/r/${invite.code}`);
    expect([browser.status, browser.headers.get('location')]).toEqual([
      302,
      `/invite/${invite.code}`,
    ]);
    const bot = await get(`/r/${invite.code}`, { 'user-agent': 'facebookexternalhit/1.1' });
    expect([bot.status, bot.headers.get('retry-after')]).toEqual([503, '30']);
    server?.close();
    const counting = await serve({
      record: async () => {
        throw new Error('redis unreachable');
      },
    });
    expect((await counting.get(`/r/${invite.code}`)).status).toBe(302);
  });

  it('answers 404 to a malformed or unknown code', async () => {
    const { get, recorded } = await serve();
    expect((await get('/r/%3Cscript%3E')).status).toBe(404);
    expect((await get('/r/%E0%A4%A')).status).toBe(404);
    expect((await get('/r/unknowncode')).status).toBe(404);
    expect(recorded).toEqual([]);
  });

  it('takes only GET and HEAD of /r/<code>; everything else is left to the app', async () => {
    const { base, get } = await serve();
    expect((await get('/r/')).status).toBe(404);
    expect((await get(`/r/${invite.code}/more`)).status).toBe(418);
    expect((await get('/api/config')).status).toBe(418);
    const post = await fetch(`${base}/r/${invite.code}`, { method: 'POST' });
    expect(post.status).toBe(418);
    const query = await get(`/r/${invite.code}?utm_source=whatsapp`);
    expect([query.status, query.headers.get('location')]).toEqual([302, `/invite/${invite.code}`]);
  });
});
