import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, ZErrorBody, ZSession, type RouteContract } from '@playloop/shared';
import { client, PASSWORD, startTestApi, uniqueEmail, type TestApi } from './harness.js';
import { staffSession, validCampaign } from './staff.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const code = (json: unknown) => ZErrorBody.parse(json).error.code;
const SAMPLE_ID = 'cmp_aaaaaaaaaaaaaaaaaaaa';
const staffRoutes = Object.entries(routes as Record<string, RouteContract>).filter(
  ([, r]) => r.roles !== undefined,
);
const concretePath = (path: string) => path.replace(/:[A-Za-z]+/g, SAMPLE_ID);

describe('admin access', () => {
  it('every staff endpoint refuses a player token, and each refusal is audited', async () => {
    const c = client(api.base);
    const player = ZSession.parse(
      (
        await c.call('POST', '/api/auth/signup', {
          body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Pia' },
        })
      ).json,
    );
    const paths = [
      ...staffRoutes.map(([, r]) => [r.method.toUpperCase(), concretePath(r.path)]),
      ['GET', '/api/admin/export/referrals.csv'],
      ['GET', '/api/admin/export/rewards.csv'],
    ];
    expect(paths.length).toBeGreaterThanOrEqual(12);
    for (const [method, path] of paths) {
      const res = await c.call(method as string, path as string, {
        token: player.accessToken,
        body: method === 'GET' ? undefined : {},
      });
      expect({ path, status: res.status, code: code(res.json) }).toEqual({
        path,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const { rows } = await api.services.pool.query(
      `select count(*)::int as n from audit_log where actor_id = $1 and outcome = 'refused'`,
      [player.user.id],
    );
    expect(rows[0].n).toBe(paths.length);
    // Without any token: 401, not 403.
    const anonymous = await c.call('GET', '/api/admin/campaigns');
    expect(code(anonymous.json)).toBe('AUTH_REQUIRED');
  });

  it('marketing cannot change roles or read the audit trail; admin can grant roles', async () => {
    const marketing = await staffSession(api, 'marketing');
    const admin = await staffSession(api, 'admin');
    const target = await staffSession(api, 'player');
    const tryGrant = await marketing.c.call('POST', '/api/admin/users/role', {
      token: marketing.token,
      body: { email: marketing.email, role: 'admin' },
    });
    expect(code(tryGrant.json)).toBe('FORBIDDEN');
    expect(
      code((await marketing.c.call('GET', '/api/admin/audit', { token: marketing.token })).json),
    ).toBe('FORBIDDEN');
    const grant = await admin.c.call('POST', '/api/admin/users/role', {
      token: admin.token,
      body: { email: target.email, role: 'support' },
    });
    expect(grant.status).toBe(200);
    const audit = (await admin.c.call('GET', '/api/admin/audit', { token: admin.token })).json as {
      entries: Array<{ action: string; outcome: string; before: unknown; after: unknown }>;
    };
    expect(audit.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'user.role',
          outcome: 'ok',
          before: { role: 'player' },
          after: { role: 'support' },
        }),
        expect.objectContaining({ outcome: 'refused' }),
      ]),
    );
  });

  it('fields a role may not set are refused, not ignored', async () => {
    const marketing = await staffSession(api, 'marketing');
    const res = await marketing.c.call('POST', '/api/admin/campaigns', {
      token: marketing.token,
      body: { ...validCampaign(), status: 'active', ownerId: 'usr_x' },
    });
    expect(res.status).toBe(400);
    expect(ZErrorBody.parse(res.json).error.details?.map((d) => d.path)).toEqual(['(root)']);
  });

  it('marketing edits only its own campaigns', async () => {
    const owner = await staffSession(api, 'marketing', 'Owner');
    const other = await staffSession(api, 'marketing', 'Other');
    const created = (
      await owner.c.call('POST', '/api/admin/campaigns', {
        token: owner.token,
        body: validCampaign(),
      })
    ).json as { id: string };
    const res = await other.c.call('PUT', `/api/admin/campaigns/${created.id}`, {
      token: other.token,
      body: validCampaign({ title: 'Hijacked' }),
    });
    expect(code(res.json)).toBe('FORBIDDEN');
    const pause = await other.c.call('POST', `/api/admin/campaigns/${created.id}/status`, {
      token: other.token,
      body: { status: 'ended' },
    });
    expect(code(pause.json)).toBe('FORBIDDEN');
  });

  it("a player cannot read another player's data through any endpoint", async () => {
    const alice = await staffSession(api, 'player', 'Alice');
    const bob = await staffSession(api, 'player', 'Bob');
    for (const path of ['/api/me', '/api/wallet', '/api/referrals', '/api/notifications']) {
      const res = await bob.c.call('GET', path, { token: bob.token });
      expect(JSON.stringify(res.json)).not.toContain(alice.session.user.id);
      expect(JSON.stringify(res.json)).not.toContain(alice.email);
    }
    // Player endpoints take no user id; a forged one in the query is ignored by design, never honoured.
    const forged = await bob.c.call('GET', `/api/wallet?userId=${alice.session.user.id}`, {
      token: bob.token,
    });
    expect(JSON.stringify(forged.json)).not.toContain(alice.session.user.id);
  });
});

describe('campaign input', () => {
  it('end before start, negative budget, daily cap above lifetime cap and bad variant weights get field-level errors', async () => {
    const marketing = await staffSession(api, 'marketing');
    const countCampaigns = async () =>
      (await api.services.pool.query('select count(*)::int as n from campaigns')).rows[0]
        .n as number;
    const before = await countCampaigns();
    const start = new Date().toISOString();
    const res = await marketing.c.call('POST', '/api/admin/campaigns', {
      token: marketing.token,
      body: validCampaign({
        startsAt: start,
        endsAt: new Date(Date.now() - 86_400_000).toISOString(),
        budgetPoints: -5,
        referrerDailyCap: 50,
        referrerLifetimeCap: 10,
        variants: [
          { name: 'A', weight: 60 },
          { name: 'B', weight: 30 },
        ],
      }),
    });
    expect(res.status).toBe(400);
    const paths = ZErrorBody.parse(res.json)
      .error.details?.map((d) => d.path)
      .sort();
    expect(paths).toEqual(['budgetPoints', 'endsAt', 'referrerDailyCap', 'variants']);
    expect(await countCampaigns()).toBe(before);
  });
});
