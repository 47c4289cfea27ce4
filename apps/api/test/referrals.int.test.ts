import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ZErrorBody,
  ZInvite,
  ZMyLink,
  ZReferralList,
  ZSession,
  ZWalletResponse,
} from '@playloop/shared';
import { insertTestCampaign } from '@playloop/core/testing';
import { client, PASSWORD, startTestApi, uniqueEmail, type TestApi } from './harness.js';
import { eventually, startTestWorker } from './worker-harness.js';

let api: TestApi;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const DEMO = 'cmp_demo0000000000000000';

beforeAll(async () => {
  api = await startTestApi();
  await api.services.pool.query(
    `insert into campaigns (id, slug, title, status) values ($1, 'demo', 'Demo', 'active') on conflict do nothing`,
    [DEMO],
  );
  const { fundCampaign } = await import('@playloop/core/testing');
  await fundCampaign(api.services.pool, DEMO, 100_000);
  worker = await startTestWorker(api);
});
afterAll(async () => {
  await worker?.close();
  await api?.stop();
});

const errorCode = (json: unknown) => ZErrorBody.parse(json).error.code;

async function playerWithLink(campaignId = DEMO, name = 'Alice') {
  const c = client(api.base);
  const session = ZSession.parse(
    (
      await c.call('POST', '/api/auth/signup', {
        body: { email: uniqueEmail(), password: PASSWORD, displayName: name },
      })
    ).json,
  );
  const link = ZMyLink.parse(
    (
      await c.call('GET', `/api/referrals/link?campaignId=${campaignId}`, {
        token: session.accessToken,
      })
    ).json,
  );
  return { c, session, link };
}

describe('invite links', () => {
  it('previews for crawlers with escaped Open Graph tags and sends browsers to the landing with a first-touch cookie', async () => {
    const { link } = await playerWithLink(DEMO, 'Al "Bo" & Co');
    expect(link.url).toMatch(/\/r\/[A-Za-z0-9]{10}$/);
    const bot = await fetch(`${api.base}/r/${link.code}`, {
      headers: { 'user-agent': 'facebookexternalhit/1.1' },
      redirect: 'manual',
    });
    const html = await bot.text();
    expect(bot.status).toBe(200);
    expect(html).toContain(
      '<meta property="og:title" content="Al &quot;Bo&quot; &amp; Co invited you: Demo">',
    );
    expect(html).toContain('name="twitter:card"');
    expect(html).not.toContain('"Bo"');

    const browser = await fetch(`${api.base}/r/${link.code}`, {
      headers: { 'user-agent': 'Mozilla/5.0 Chrome/140' },
      redirect: 'manual',
    });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe(`/invite/${link.code}`);
    const cookies = browser.headers.getSetCookie().join('; ');
    expect(cookies).toMatch(new RegExp(`pl_ref=${link.code}\\.\\d+`));
    expect(cookies).toMatch(/pl_vid=/);

    const invite = ZInvite.parse(
      (await client(api.base).call('GET', `/api/invites/${link.code}`)).json,
    );
    expect(invite).toMatchObject({
      referrerName: 'Al "Bo" & Co',
      campaign: { title: 'Demo' },
      rewards: { referrerPoints: 100, refereePoints: 50 },
    });
  });

  it('counts clicks and unique visitors in Redis and flushes them to Postgres', async () => {
    const { link } = await playerWithLink();
    const hit = (vid: string) =>
      fetch(`${api.base}/r/${link.code}`, {
        headers: { cookie: `pl_vid=${vid}` },
        redirect: 'manual',
      });
    await Promise.all([
      hit('visitor-aaaaaaaaaaaaaaaa'),
      hit('visitor-aaaaaaaaaaaaaaaa'),
      hit('visitor-bbbbbbbbbbbbbbbb'),
    ]);
    const row = await eventually(
      async () => {
        const { rows } = await api.services.pool.query(
          'select clicks::int, unique_visitors::int from referral_click_counts where code = $1',
          [link.code],
        );
        return rows[0]?.clicks === 3 ? rows[0] : undefined;
      },
      10_000,
      'clicks flushed',
    );
    expect(row).toEqual({ clicks: 3, unique_visitors: 2 });
  });

  it('an unknown invite answers 404 on the link and INVITE_NOT_FOUND on the api; a malformed one is a validation error', async () => {
    const res = await fetch(`${api.base}/r/nope-not-a-code`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(errorCode((await client(api.base).call('GET', '/api/invites/zzzzzzzzzz')).json)).toBe(
      'INVITE_NOT_FOUND',
    );
    expect(errorCode((await client(api.base).call('GET', '/api/invites/%3Cb%3E')).json)).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('the referral loop end to end (api + worker)', () => {
  it('a friend who signs up through the link earns both sides their reward once', async () => {
    const alice = await playerWithLink();
    const bobClient = client(api.base);
    const bob = ZSession.parse(
      (
        await bobClient.call('POST', '/api/auth/signup', {
          body: { email: uniqueEmail('bob'), password: PASSWORD, displayName: 'Bob' },
          headers: {
            cookie: `pl_ref=${alice.link.code}.${Math.floor(Date.now() / 1000)}`,
            'x-device-id': 'bob-device-123',
          },
        })
      ).json,
    );
    const aliceWallet = await eventually(
      async () => {
        const w = ZWalletResponse.parse(
          (await alice.c.call('GET', '/api/wallet', { token: alice.session.accessToken })).json,
        );
        return w.wallet.points === 100 ? w : undefined;
      },
      10_000,
      'referrer rewarded',
    );
    expect(aliceWallet.wallet.spins).toBe(1);
    expect(aliceWallet.history[0]).toMatchObject({
      kind: 'referral_reward',
      amount: expect.any(Number),
    });
    const bobWallet = ZWalletResponse.parse(
      (await bobClient.call('GET', '/api/wallet', { token: bob.accessToken })).json,
    );
    expect(bobWallet.wallet.points).toBe(50);
    const list = ZReferralList.parse(
      (await alice.c.call('GET', '/api/referrals', { token: alice.session.accessToken })).json,
    );
    expect(list.referrals).toEqual([
      expect.objectContaining({ refereeName: 'Bob', status: 'rewarded' }),
    ]);
    const board = (
      await alice.c.call('GET', `/api/leaderboards/${DEMO}`, { token: alice.session.accessToken })
    ).json as { me: { score: number } };
    expect(board.me.score).toBe(1);
  });

  it('bad codes at sign-up are refused with their codes and create nothing', async () => {
    const ended = await insertTestCampaign(api.services.pool, { status: 'ended' });
    const endedOwner = await playerWithLink(ended);
    const expiring = await insertTestCampaign(api.services.pool, { windowDays: 1 });
    const expiringOwner = await playerWithLink(expiring);
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['INVITE_NOT_FOUND', 'doesnotexist', undefined],
      ['VALIDATION_FAILED', '<bad code>', undefined],
      ['CAMPAIGN_NOT_ACTIVE', endedOwner.link.code, undefined],
    ];
    for (const [code, referralCode] of cases) {
      const email = uniqueEmail('bad');
      const res = await client(api.base).call('POST', '/api/auth/signup', {
        body: { email, password: PASSWORD, displayName: 'Bad', referralCode },
      });
      expect({ code: errorCode(res.json), status: res.status >= 400 }).toEqual({
        code,
        status: true,
      });
      const { rows } = await api.services.pool.query(
        'select count(*)::int as n from users where email = $1',
        [email],
      );
      expect(rows[0].n).toBe(0);
    }
    // An expired first-touch cookie is ignored (the sign-up succeeds, nobody is credited).
    const stale = Math.floor(Date.now() / 1000) - 3 * 86_400;
    const res = await client(api.base).call('POST', '/api/auth/signup', {
      body: { email: uniqueEmail('late'), password: PASSWORD, displayName: 'Late' },
      headers: { cookie: `pl_ref=${expiringOwner.link.code}.${stale}` },
    });
    expect(res.status).toBe(201);
    const { rows } = await api.services.pool.query(
      'select count(*)::int as n from referrals where code = $1',
      [expiringOwner.link.code],
    );
    expect(rows[0].n).toBe(0);
  });

  it('a second referrer is refused, and nobody can use their own invite', async () => {
    const alice = await playerWithLink();
    const carol = await playerWithLink(DEMO, 'Carol');
    const dave = client(api.base);
    const daveSession = ZSession.parse(
      (
        await dave.call('POST', '/api/auth/signup', {
          body: { email: uniqueEmail('dave'), password: PASSWORD, displayName: 'Dave' },
        })
      ).json,
    );
    expect(
      (
        await dave.call('POST', '/api/referrals/attribute', {
          token: daveSession.accessToken,
          body: { code: alice.link.code },
        })
      ).status,
    ).toBe(202);
    const second = await dave.call('POST', '/api/referrals/attribute', {
      token: daveSession.accessToken,
      body: { code: carol.link.code },
    });
    expect([second.status, errorCode(second.json)]).toEqual([409, 'REFERRAL_ALREADY_ATTRIBUTED']);
    const self = await alice.c.call('POST', '/api/referrals/attribute', {
      token: alice.session.accessToken,
      body: { code: alice.link.code },
    });
    expect([self.status, errorCode(self.json)]).toEqual([422, 'SELF_REFERRAL']);
  });

  it('custom qualification events need the campaign API key', async () => {
    const { createHash } = await import('node:crypto');
    const key = 'test-key-0123456789abcdef';
    const campaign = await insertTestCampaign(api.services.pool, {
      qualifyingAction: 'custom',
      customEventKeyHash: createHash('sha256').update(key).digest('hex'),
    });
    const body = { campaignId: campaign, userId: 'usr_aaaaaaaaaaaaaaaaaaaa', event: 'purchase' };
    const c = client(api.base);
    expect(errorCode((await c.call('POST', '/api/referrals/events', { body })).json)).toBe(
      'API_KEY_INVALID',
    );
    expect(
      errorCode(
        (
          await c.call('POST', '/api/referrals/events', {
            body,
            headers: { 'x-api-key': 'wrong-key-0123456789' },
          })
        ).json,
      ),
    ).toBe('API_KEY_INVALID');
    expect(
      (await c.call('POST', '/api/referrals/events', { body, headers: { 'x-api-key': key } }))
        .status,
    ).toBe(202);
  });

  it('the review queue refuses players', async () => {
    const { c, session } = await playerWithLink();
    const res = await c.call('GET', '/api/review/referrals', { token: session.accessToken });
    expect([res.status, errorCode(res.json)]).toEqual([403, 'FORBIDDEN']);
  });
});
