import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorBody, ZMeResponse, ZMyLink, ZSession, ZWalletResponse } from '@playloop/shared';
import { insertTestCampaign, insertTestUser, startSmtpSink } from '@playloop/core/testing';
import { client, PASSWORD, startTestApi, uniqueEmail, type TestApi } from './harness.js';

import { eventually, startTestWorker } from './worker-harness.js';

const APP_URL = 'http://app.playloop.test';
const LINK = /http:\/\/app\.playloop\.test\/verify-email#token=([A-Za-z0-9_-]{43})/;

let api: TestApi;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let campaignId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi();
  worker = await startTestWorker(api, { SMTP_URL: sink.url, PUBLIC_APP_URL: APP_URL });
  campaignId = await insertTestCampaign(api.services.pool, {
    qualifyingAction: 'email_verified',
    referrerPoints: 100,
    refereePoints: 50,
  });
});
afterAll(async () => {
  await worker?.close();
  await api?.stop();
  await sink?.close();
});

const codeOf = (json: unknown) => ZErrorBody.parse(json).error.code;

async function signUp(name: string, referralCode?: string) {
  const c = client(api.base);
  const email = uniqueEmail(name.toLowerCase());
  const res = await c.call('POST', '/api/auth/signup', {
    body: { email, password: PASSWORD, displayName: name, referralCode },
  });
  expect(res.status).toBe(201);
  return { c, email, session: ZSession.parse(res.json) };
}

async function tokenFromMail(email: string, n = 0) {
  const mail = await sink.nthTo(email, n);
  const token = LINK.exec(mail.body)?.[1];
  if (!token) throw new Error(`no verification link in: ${mail.body.slice(0, 500)}`);
  return { token, mail };
}

const verify = (token: string) =>
  client(api.base).call('POST', '/api/auth/verify-email', { body: { token } });

describe('email verification', () => {
  it('mails a link at sign-up; opening it verifies the address and qualifies an email_verified referral once', async () => {
    const alice = await signUp('Alice');
    const link = ZMyLink.parse(
      (
        await alice.c.call('GET', `/api/referrals/link?campaignId=${campaignId}`, {
          token: alice.session.accessToken,
        })
      ).json,
    );
    const bob = await signUp('Bob', link.code);
    expect(bob.session.user.emailVerified).toBe(false);

    const { token, mail } = await tokenFromMail(bob.email);
    expect(mail.body).toContain('Hi Bob');
    expect(mail.body).toMatch(/Subject: Confirm your email for Playloop/);
    // Attributed but not yet qualified: nobody is paid before the click.
    await eventually(
      async () =>
        (
          await api.services.pool.query(`select 1 from referrals where referee_id = $1`, [
            bob.session.user.id,
          ])
        ).rowCount || undefined,
      10_000,
      'attribution',
    );
    const walletOf = async (s: typeof alice) =>
      ZWalletResponse.parse(
        (await s.c.call('GET', '/api/wallet', { token: s.session.accessToken })).json,
      ).wallet;
    expect((await walletOf(alice)).points).toBe(0);

    // People read their mail minutes later; a click a second after sign-up is what the fraud
    // rules call inhumanly fast (and would hold the reward for review).
    await api.services.pool.query(
      `update users set created_at = now() - interval '5 minutes' where id = $1`,
      [bob.session.user.id],
    );
    const first = await verify(token);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ verified: true, alreadyVerified: false });
    const me = await bob.c.call('GET', '/api/me', { token: bob.session.accessToken });
    expect(ZMeResponse.parse(me.json).user.emailVerified).toBe(true);

    await eventually(
      async () => ((await walletOf(alice)).points === 100 ? true : undefined),
      10_000,
      "the referrer's reward",
    ).catch(async (err: unknown) => {
      const { rows } = await api.services.pool.query(
        `select status, fraud_score, fraud_evidence from referrals where referee_id = $1`,
        [bob.session.user.id],
      );
      throw new Error(`${String(err)}; referral: ${JSON.stringify(rows)}`);
    });
    expect((await walletOf(bob)).points).toBe(50);

    // A second click changes nothing and pays nothing more.
    const again = await verify(token);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ verified: true, alreadyVerified: true });
    await new Promise((r) => setTimeout(r, 500));
    const { rows } = await api.services.pool.query<{ n: string }>(
      `select count(*) as n from ledger_transactions where kind = 'referral_reward' and campaign_id = $1`,
      [campaignId],
    );
    expect(Number(rows[0]?.n)).toBe(1);
    expect((await walletOf(alice)).points).toBe(100);
  });

  it('qualifies at attribution when the address was verified first (a fast click, a Supabase account)', async () => {
    const erin = await signUp('Erin');
    const link = ZMyLink.parse(
      (
        await erin.c.call('GET', `/api/referrals/link?campaignId=${campaignId}`, {
          token: erin.session.accessToken,
        })
      ).json,
    );
    // A friend whose address is already verified when their sign-up's attribution job runs.
    const friend = await insertTestUser(api.services.pool, { ip: null, deviceId: null });
    await api.services.pool.query(
      `update users set email_verified_at = now(), created_at = now() - interval '5 minutes' where id = $1`,
      [friend.id],
    );
    await api.services.jobs.enqueueAttribution({
      refereeId: friend.id,
      code: link.code,
      touchedAt: new Date().toISOString(),
    });
    await eventually(
      async () => {
        const wallet = ZWalletResponse.parse(
          (await erin.c.call('GET', '/api/wallet', { token: erin.session.accessToken })).json,
        ).wallet;
        return wallet.points === 100 ? true : undefined;
      },
      10_000,
      "the referrer's reward",
    );
    const { rows } = await api.services.pool.query<{ status: string }>(
      `select status from referrals where referee_id = $1`,
      [friend.id],
    );
    expect(rows[0]?.status).toBe('rewarded');
  });

  it('refuses malformed, unknown and expired tokens with codes and verifies nobody', async () => {
    const carol = await signUp('Carol');
    const { token } = await tokenFromMail(carol.email);

    const malformed = await verify('not-a-token');
    expect(malformed.status).toBe(400);
    expect(codeOf(malformed.json)).toBe('VALIDATION_FAILED');
    const missing = await client(api.base).call('POST', '/api/auth/verify-email', { body: {} });
    expect(codeOf(missing.json)).toBe('VALIDATION_FAILED');
    const unknown = await verify('A'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown.json)).toBe('EMAIL_VERIFICATION_INVALID');

    await api.services.pool.query(
      `update email_verifications set expires_at = created_at + interval '1 millisecond' where user_id = $1`,
      [carol.session.user.id],
    );
    const expired = await verify(token);
    expect(expired.status).toBe(410);
    expect(codeOf(expired.json)).toBe('EMAIL_VERIFICATION_EXPIRED');
    const me = await carol.c.call('GET', '/api/me', { token: carol.session.accessToken });
    expect(ZMeResponse.parse(me.json).user.emailVerified).toBe(false);
  });

  it('sends a fresh link on request to a signed-in player only, at most one a minute', async () => {
    const dan = await signUp('Dan');
    const { token: first } = await tokenFromMail(dan.email);
    const anonymous = await client(api.base).call('POST', '/api/auth/verify-email/resend');
    expect(anonymous.status).toBe(401);

    // The sign-up's mail went out a moment ago: asking again so soon is refused, nothing queued.
    const tooSoon = await dan.c.call('POST', '/api/auth/verify-email/resend', {
      token: dan.session.accessToken,
    });
    expect(tooSoon.status).toBe(429);
    expect(codeOf(tooSoon.json)).toBe('RATE_LIMITED');
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);

    // A minute later (the window, cleared here instead of waited out) a new link goes out.
    const keys = await api.services.redis.keys(`${api.config.REDIS_PREFIX}rl:verify-mail*`);
    await api.services.redis.del(...keys);
    const resend = await dan.c.call('POST', '/api/auth/verify-email/resend', {
      token: dan.session.accessToken,
    });
    expect(resend.status).toBe(202);
    expect(resend.json).toEqual({ alreadyVerified: false });
    const { token: second } = await tokenFromMail(dan.email, 1);
    expect(second).not.toBe(first);
    expect(sink.messages.filter((m) => m.to.includes(dan.email))).toHaveLength(2);

    // Either link works; the first spent makes the other a no-op.
    expect((await verify(first)).json).toEqual({ verified: true, alreadyVerified: false });
    expect((await verify(second)).json).toEqual({ verified: true, alreadyVerified: true });
    const after = await dan.c.call('POST', '/api/auth/verify-email/resend', {
      token: dan.session.accessToken,
    });
    expect(after.status).toBe(202);
    expect(after.json).toEqual({ alreadyVerified: true });
  });
});
