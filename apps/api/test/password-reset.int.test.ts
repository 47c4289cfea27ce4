import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { bullPrefix, QueueName } from '@playloop/core';
import { ZErrorBody, ZMeResponse, ZSession } from '@playloop/shared';
import { startSmtpSink } from '@playloop/core/testing';
import { client, PASSWORD, startTestApi, uniqueEmail, type TestApi } from './harness.js';
import { eventually, startTestWorker } from './worker-harness.js';

const APP_URL = 'http://app.playloop.test';
const LINK = /http:\/\/app\.playloop\.test\/reset-password#token=([A-Za-z0-9_-]{43})/;
const NEW_PASSWORD = 'a brand new passphrase';

let api: TestApi;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let notifications: Queue;

beforeAll(async () => {
  sink = await startSmtpSink();
  api = await startTestApi();
  worker = await startTestWorker(api, { SMTP_URL: sink.url, PUBLIC_APP_URL: APP_URL });
  notifications = new Queue(QueueName.notifications, {
    connection: { url: api.redisNs.url },
    prefix: bullPrefix(api.config.REDIS_PREFIX),
  });
});
afterAll(async () => {
  await notifications?.close();
  await worker?.close();
  await api?.stop();
  await sink?.close();
});

const codeOf = (json: unknown) => ZErrorBody.parse(json).error.code;
const anonymous = () => client(api.base);
const ask = (email: string) =>
  anonymous().call('POST', '/api/auth/password-reset', { body: { email } });
const confirm = (token: string, password = NEW_PASSWORD, c = anonymous()) =>
  c.call('POST', '/api/auth/password-reset/confirm', { body: { token, password } });
const login = (email: string, password: string, c = anonymous()) =>
  c.call('POST', '/api/auth/login', { body: { email, password } });

async function signUp(name: string) {
  const c = client(api.base);
  const email = uniqueEmail(name.toLowerCase());
  const res = await c.call('POST', '/api/auth/signup', {
    body: { email, password: PASSWORD, displayName: name },
  });
  expect(res.status).toBe(201);
  return { c, email, session: ZSession.parse(res.json) };
}

/** The reset link of the nth reset mail to `email` (its sign-up's verification mail is skipped). */
async function resetToken(email: string, n = 0) {
  for (let i = 0, seen = 0; ; i += 1) {
    const mail = await sink.nthTo(email, i);
    if (!/Subject: Reset your Playloop password/.test(mail.body) || seen++ < n) continue;
    const token = LINK.exec(mail.body)?.[1];
    if (!token) throw new Error(`no reset link in: ${mail.body.slice(0, 500)}`);
    return token;
  }
}

/** Until the worker has taken every queued mail job (asserting a mail was not sent needs this). */
const mailQueueDrained = () =>
  eventually(
    async () => {
      const counts = await notifications.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0) ? true : undefined;
    },
    10_000,
    'the notifications queue to drain',
  );

describe('password reset', () => {
  it('mails a link that sets a new password, signs in, ends every other session and works once', async () => {
    const ann = await signUp('Ann');
    const elsewhere = client(api.base);
    expect((await login(ann.email, PASSWORD, elsewhere)).status).toBe(200);

    const asked = await ask(ann.email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(asked.json).toEqual({ requested: true });
    const token = await resetToken(ann.email);

    const done = await confirm(token);
    expect(done.status).toBe(200);
    const session = ZSession.parse(done.json);
    expect(session.user.id).toBe(ann.session.user.id);
    // The link proved the mailbox.
    expect(session.user.emailVerified).toBe(true);
    expect(done.setCookie).toMatch(/^pl_rt=[^;]+;.*HttpOnly/i);

    // Old password refused, new one accepted; the sessions opened before the reset are over.
    const old = await login(ann.email, PASSWORD);
    expect(old.status).toBe(401);
    expect(codeOf(old.json)).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await login(ann.email, NEW_PASSWORD)).status).toBe(200);
    for (const c of [ann.c, elsewhere]) {
      const refreshed = await c.call('POST', '/api/auth/refresh');
      expect(refreshed.status).toBe(401);
    }
    const me = await anonymous().call('GET', '/api/me', { token: session.accessToken });
    expect(ZMeResponse.parse(me.json).user.emailVerified).toBe(true);

    // The link works once.
    const again = await confirm(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(codeOf(again.json)).toBe('PASSWORD_RESET_INVALID');
    expect((await login(ann.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers an address without an account exactly like one with, and mails nobody', async () => {
    const nobody = uniqueEmail('nobody');
    const res = await ask(nobody);
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ requested: true });
    await mailQueueDrained();
    expect(sink.messages.filter((m) => m.to.includes(nobody))).toHaveLength(0);

    // The per-address budget applies to unknown addresses too, so a 429 reveals nothing either.
    const soon = await ask(nobody);
    expect(soon.status).toBe(429);
    expect(codeOf(soon.json)).toBe('RATE_LIMITED');
  });

  it('mails one link a minute per address; either open link works until one is spent', async () => {
    const bea = await signUp('Bea');
    expect((await ask(bea.email)).status).toBe(202);
    const first = await resetToken(bea.email);
    const soon = await ask(bea.email);
    expect(soon.status).toBe(429);
    expect(codeOf(soon.json)).toBe('RATE_LIMITED');
    expect(Number(soon.headers.get('retry-after'))).toBeGreaterThan(0);
    await mailQueueDrained();
    const resets = () =>
      sink.messages.filter((m) => m.to.includes(bea.email) && /Subject: Reset/.test(m.body));
    expect(resets()).toHaveLength(1);

    // A minute later (the window, cleared here instead of waited out) a second link goes out.
    const keys = await api.services.redis.keys(`${api.config.REDIS_PREFIX}rl:reset-mail*`);
    await api.services.redis.del(...keys);
    expect((await ask(bea.email)).status).toBe(202);
    const second = await resetToken(bea.email, 1);
    expect(second).not.toBe(first);

    expect((await confirm(second)).status).toBe(200);
    // Spending one spends the other.
    const stale = await confirm(first, 'another passphrase!');
    expect(codeOf(stale.json)).toBe('PASSWORD_RESET_INVALID');
    expect((await login(bea.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses malformed, unknown and expired links and weak passwords, changing nothing', async () => {
    const cid = await signUp('Cid');
    expect((await ask(cid.email)).status).toBe(202);
    const token = await resetToken(cid.email);

    const badEmail = await ask('not-an-email');
    expect(badEmail.status).toBe(400);
    expect(codeOf(badEmail.json)).toBe('VALIDATION_FAILED');
    const malformed = await confirm('not-a-token');
    expect(malformed.status).toBe(400);
    expect(codeOf(malformed.json)).toBe('VALIDATION_FAILED');
    const unknown = await confirm('A'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown.json)).toBe('PASSWORD_RESET_INVALID');
    const extra = await anonymous().call('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: NEW_PASSWORD, userId: cid.session.user.id },
    });
    expect(codeOf(extra.json)).toBe('VALIDATION_FAILED');

    // A weak password is refused before the link is spent: the same link still works after.
    const weak = await confirm(token, 'short');
    expect(weak.status).toBe(400);
    expect(codeOf(weak.json)).toBe('VALIDATION_FAILED');
    expect((await login(cid.email, PASSWORD)).status).toBe(200);

    await api.services.pool.query(
      `update password_resets set expires_at = created_at + interval '1 millisecond' where user_id = $1`,
      [cid.session.user.id],
    );
    const expired = await confirm(token);
    expect(expired.status).toBe(410);
    expect(codeOf(expired.json)).toBe('PASSWORD_RESET_EXPIRED');
    expect((await login(cid.email, PASSWORD)).status).toBe(200);
    expect((await cid.c.call('POST', '/api/auth/refresh')).status).toBe(200);
  });

  it('lets one of two racing confirmations win and reopens an account locked by wrong guesses', async () => {
    const dee = await signUp('Dee');
    for (let i = 0; i < 10; i += 1) await login(dee.email, 'a wrong guess!!');
    const locked = await login(dee.email, PASSWORD);
    expect(locked.status).toBe(429);

    expect((await ask(dee.email)).status).toBe(202);
    const token = await resetToken(dee.email);
    const [a, b] = await Promise.all([
      confirm(token, 'first racer passphrase'),
      confirm(token, 'second racer passphrase'),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 400]);
    const winner = a.status === 200 ? 'first racer passphrase' : 'second racer passphrase';
    const loser = a.status === 200 ? b : a;
    expect(codeOf(loser.json)).toBe('PASSWORD_RESET_INVALID');
    expect((await login(dee.email, winner)).status).toBe(200);
  });
});
