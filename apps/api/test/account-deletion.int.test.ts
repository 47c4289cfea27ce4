import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, ZErrorBody, ZLeaderboard, ZMyLink } from '@playloop/shared';
import { attributeReferral, findLedgerDrift, qualifyReferral } from '@playloop/core';
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

const signUp = (name: string, email?: string) => signUpPlayer(api, name, email);
const login = (email: string, password = PASSWORD) =>
  client(api.base).call('POST', '/api/auth/login', { body: { email, password } });

describe('erasing an account (DELETE /api/auth/account)', () => {
  it('asks for the password again, and a wrong or missing one changes nothing', async () => {
    const ann = await signUp('Ann');
    const remove = (body: unknown) =>
      ann.c.call('DELETE', '/api/auth/account', { token: ann.token, body });
    const missing = await remove({});
    expect([missing.status, error(missing.json).code]).toEqual([400, 'VALIDATION_FAILED']);
    const wrong = await remove({ currentPassword: 'not my password at all' });
    expect([wrong.status, error(wrong.json).details]).toEqual([
      400,
      [{ path: 'currentPassword', message: 'is not your current password' }],
    ]);
    const extra = await remove({ currentPassword: PASSWORD, also: 'this' });
    expect([extra.status, error(extra.json).code]).toEqual([400, 'VALIDATION_FAILED']);
    const anonymous = await client(api.base).call('DELETE', '/api/auth/account', {
      body: { currentPassword: PASSWORD },
    });
    expect(anonymous.status).toBe(401);
    expect((await login(ann.email)).status).toBe(200);
  });

  it('erases what identified the player, keeps the ledger whole, and frees the address', async () => {
    const pool = api.services.pool;
    const eve = await signUp('Eve');
    const link = ZMyLink.parse(
      (
        await eve.c.call('GET', `/api/referrals/link?campaignId=${campaignId}`, {
          token: eve.token,
        })
      ).json,
    );
    // Eve invited Finn, who qualified: both were paid; Eve is on the campaign's leaderboard.
    const finn = await signUp('Finn');
    await attributeReferral(pool, { refereeId: finn.id, code: link.code, touchedAt: new Date() });
    expect(await qualifyReferral(pool, { refereeId: finn.id, action: 'signup' })).toMatchObject({
      outcome: 'rewarded',
    });
    await api.services.leaderboard.bump(campaignId, eve.id, 'Eve', newId('ref'));
    const other = client(api.base);
    expect((await other.call('GET', `/api/invites/${link.code}`)).status).toBe(200);

    const res = await eve.c.call('DELETE', '/api/auth/account', {
      token: eve.token,
      body: { currentPassword: PASSWORD },
    });
    expect([res.status, res.json]).toEqual([200, { deleted: true }]);
    expect(res.setCookie).toMatch(/^pl_rt=;/);

    // Signed out everywhere: no login, no session resume.
    expect(error((await login(eve.email)).json).code).toBe('AUTH_INVALID_CREDENTIALS');
    const resume = await eve.c.call('POST', '/api/auth/refresh');
    expect(resume.status).toBe(401);

    // Her invite invites nobody any more; boards show an anonymous player.
    const preview = await other.call('GET', `/api/invites/${link.code}`);
    expect([preview.status, error(preview.json).code]).toEqual([404, 'INVITE_NOT_FOUND']);
    const click = await fetch(`${api.base}/r/${link.code}`, { redirect: 'manual' });
    expect(click.status).toBe(404);
    const board = ZLeaderboard.parse(
      (await other.call('GET', `/api/leaderboards/${campaignId}`, { token: finn.token })).json,
    );
    expect(board.top.map((e) => e.displayName)).toContain('Deleted player');
    expect(JSON.stringify(board)).not.toContain('Eve');

    // In Postgres: the row is anonymous, what identified her is gone, the money adds up.
    const { rows } = await pool.query(
      'select email, display_name, password_hash, deleted_at from users where id = $1',
      [eve.id],
    );
    expect(rows[0]).toMatchObject({
      email: `deleted+${eve.id.toLowerCase()}@deleted.invalid`,
      display_name: 'Deleted player',
      password_hash: null,
      deleted_at: expect.any(Date),
    });
    for (const table of ['refresh_tokens', 'user_signals', 'notifications', 'email_verifications'])
      expect(
        (await pool.query(`select count(*)::int as n from ${table} where user_id = $1`, [eve.id]))
          .rows[0].n,
        table,
      ).toBe(0);
    const wallet = await pool.query(
      `select sum(balance)::int as points from ledger_accounts where user_id = $1 and asset = 'points'`,
      [eve.id],
    );
    expect(wallet.rows[0].points).toBe(100);
    expect(await findLedgerDrift(pool)).toEqual({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });

    // Finn still sees who invited him, by the name the app now shows.
    const mine = await finn.c.call('GET', '/api/me/data', { token: finn.token });
    expect(JSON.stringify(mine.json)).toContain('Deleted player');

    // The address can start over; the old access token names nobody who can be erased twice.
    const again = await signUp('Eve again', eve.email);
    expect(again.id).not.toBe(eve.id);
    const twice = await eve.c.call('DELETE', '/api/auth/account', {
      token: eve.token,
      body: { currentPassword: PASSWORD },
    });
    expect(twice.status).toBe(404);
  });
});
