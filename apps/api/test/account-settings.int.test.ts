import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newId,
  ZErrorBody,
  ZInvite,
  ZLeaderboard,
  ZMeResponse,
  ZMyData,
  ZMyLink,
  ZSession,
} from '@playloop/shared';
import { attributeReferral } from '@playloop/core';
import { insertTestCampaign } from '@playloop/core/testing';
import { client, PASSWORD, signUpPlayer, startTestApi, type TestApi } from './harness.js';

let api: TestApi;
let campaignId: string;

beforeAll(async () => {
  api = await startTestApi();
  campaignId = await insertTestCampaign(api.services.pool);
});
afterAll(async () => api?.stop());

const error = (json: unknown) => ZErrorBody.parse(json).error;

const signUp = (name: string) => signUpPlayer(api, name);
const login = (email: string, password: string, c = client(api.base)) =>
  c.call('POST', '/api/auth/login', { body: { email, password } });

describe('account settings', () => {
  it('renames a player everywhere their name shows and sets the language of their emails', async () => {
    const ann = await signUp('Ann');
    const link = ZMyLink.parse(
      (
        await ann.c.call('GET', `/api/referrals/link?campaignId=${campaignId}`, {
          token: ann.token,
        })
      ).json,
    );
    // The invite preview and a leaderboard know the old name (and cache it).
    const preview = () => client(api.base).call('GET', `/api/invites/${link.code}`);
    expect(ZInvite.parse((await preview()).json).referrerName).toBe('Ann');
    await api.services.leaderboard.bump(campaignId, ann.session.user.id, 'Ann', newId('ref'));

    const res = await ann.c.call('PATCH', '/api/me', {
      token: ann.token,
      body: { displayName: '  Annie B ', locale: 'it' },
    });
    expect(res.status).toBe(200);
    expect(ZMeResponse.parse(res.json).user).toMatchObject({
      displayName: 'Annie B',
      locale: 'it',
    });
    const me = await ann.c.call('GET', '/api/me', { token: ann.token });
    expect(ZMeResponse.parse(me.json).user).toMatchObject({ displayName: 'Annie B', locale: 'it' });
    expect(ZInvite.parse((await preview()).json).referrerName).toBe('Annie B');
    const board = ZLeaderboard.parse(
      (await ann.c.call('GET', `/api/leaderboards/${campaignId}`, { token: ann.token })).json,
    );
    expect(board.top.find((e) => e.isMe)?.displayName).toBe('Annie B');

    // Only the language: the name stays.
    const lang = await ann.c.call('PATCH', '/api/me', { token: ann.token, body: { locale: 'en' } });
    expect(ZMeResponse.parse(lang.json).user).toMatchObject({
      displayName: 'Annie B',
      locale: 'en',
    });
  });

  it('refuses bad profile changes with codes and changes nothing', async () => {
    const bo = await signUp('Bo');
    for (const body of [
      {},
      { displayName: '' },
      { displayName: '<script>' },
      { displayName: 'x'.repeat(41) },
      { locale: 'fr' },
      { displayName: 'Bob', role: 'admin' },
      { email: 'other@example.com' },
    ]) {
      const res = await bo.c.call('PATCH', '/api/me', { token: bo.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(error(res.json).code).toBe('VALIDATION_FAILED');
    }
    const anonymous = await client(api.base).call('PATCH', '/api/me', { body: { locale: 'it' } });
    expect(anonymous.status).toBe(401);
    const me = ZMeResponse.parse((await bo.c.call('GET', '/api/me', { token: bo.token })).json);
    expect(me.user).toMatchObject({ displayName: 'Bo', locale: 'en', role: 'player' });
  });

  it('changes the password with the current one: other sessions end, this one goes on', async () => {
    const cy = await signUp('Cy');
    const laptop = client(api.base);
    expect((await login(cy.email, PASSWORD, laptop)).status).toBe(200);
    const next = 'a completely new passphrase';

    const res = await cy.c.call('POST', '/api/auth/password', {
      token: cy.token,
      body: { currentPassword: PASSWORD, newPassword: next },
    });
    expect(res.status).toBe(200);
    expect(ZSession.parse(res.json).user.id).toBe(cy.session.user.id);
    expect(res.setCookie).toMatch(/^pl_rt=[^;]+;/);
    // This tab's new refresh cookie works; the laptop's was revoked.
    expect((await cy.c.call('POST', '/api/auth/refresh')).status).toBe(200);
    const other = await laptop.call('POST', '/api/auth/refresh');
    expect(other.status).toBe(401);
    expect((await login(cy.email, PASSWORD)).status).toBe(401);
    expect((await login(cy.email, next)).status).toBe(200);
  });

  it('refuses a wrong current password at its field, counts it like a failed login, and weak or missing input', async () => {
    const di = await signUp('Di');
    const change = (body: unknown) =>
      di.c.call('POST', '/api/auth/password', { token: di.token, body });

    const wrong = await change({
      currentPassword: 'not my password',
      newPassword: 'whatever new one',
    });
    expect(wrong.status).toBe(400);
    expect(error(wrong.json)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'currentPassword' }],
    });
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(error(weak.json).details?.[0]?.path).toBe('newPassword');
    const missing = await change({ newPassword: 'long enough passphrase' });
    expect(error(missing.json).code).toBe('VALIDATION_FAILED');
    const anonymous = await client(api.base).call('POST', '/api/auth/password', {
      body: { currentPassword: PASSWORD, newPassword: 'long enough passphrase' },
    });
    expect(anonymous.status).toBe(401);
    // Nothing changed, and the session still refreshes.
    expect((await login(di.email, PASSWORD)).status).toBe(200);
    expect((await di.c.call('POST', '/api/auth/refresh')).status).toBe(200);

    // A stolen access token cannot guess the password forever: ten wrong guesses (counted since
    // the last good login) lock the account.
    for (let i = 0; i < 10; i += 1)
      await change({ currentPassword: `guess number ${i}`, newPassword: 'whatever new one' });
    const locked = await change({ currentPassword: PASSWORD, newPassword: 'whatever new one' });
    expect(locked.status).toBe(429);
    expect(error(locked.json).code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('hands a player everything kept about them as a download, and nothing about anyone else', async () => {
    const eve = await signUp('Eve');
    const link = ZMyLink.parse(
      (
        await eve.c.call('GET', `/api/referrals/link?campaignId=${campaignId}`, {
          token: eve.token,
        })
      ).json,
    );
    const finn = await signUp('Finn');
    await attributeReferral(api.services.pool, {
      refereeId: finn.session.user.id,
      code: link.code,
      touchedAt: new Date(),
    });

    const res = await eve.c.call('GET', '/api/me/data', { token: eve.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="playloop-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const mine = ZMyData.parse(res.json);
    expect(mine.profile).toMatchObject({ id: eve.session.user.id, email: eve.email });
    expect(mine.inviteCodes).toEqual([expect.objectContaining({ code: link.code })]);
    expect(mine.friendsInvited).toEqual([
      expect.objectContaining({ friend: 'Finn', status: 'pending' }),
    ]);
    expect(mine.signupSignals).toMatchObject({ ip: '127.0.0.1' });
    const text = JSON.stringify(res.json);
    // Nothing secret, and of the friend only the name the app already shows.
    expect(text).not.toContain(finn.email);
    expect(text).not.toContain(finn.session.user.id);
    expect(text).not.toMatch(/argon2|token_hash|refresh/i);

    const theirs = ZMyData.parse(
      (await finn.c.call('GET', '/api/me/data', { token: finn.token })).json,
    );
    expect(theirs.invitedBy).toMatchObject({ referrer: 'Eve', status: 'pending' });
    expect(JSON.stringify(theirs)).not.toContain(eve.email);

    const anonymous = await client(api.base).call('GET', '/api/me/data');
    expect(anonymous.status).toBe(401);
  });
});
