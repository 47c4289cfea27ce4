import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  houseAccount,
  issueAccessToken,
  playerAccount,
  postTransaction,
  spinWheel,
  tokenConfigFromEnv,
  withTransaction,
} from '@playloop/core';
import { insertTestCampaign, insertTestUser } from '@playloop/core/testing';
import {
  verifySpin,
  ZDailySpinResponse,
  ZErrorBody,
  ZRotateSeedResponse,
  ZWheelSeedState,
  ZWheelSpinList,
  ZWheelSpinRecord,
  ZWheelState,
  type Role,
  type TWheelConfigInput,
} from '@playloop/shared';
import { client, startTestApi, type TestApi } from '../../../test/harness.js';

let api: TestApi;
const http = () => client(api.base);
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const errorOf = (json: unknown) => ZErrorBody.parse(json).error;

async function user(role: Role = 'player') {
  const { id } = await insertTestUser(api.services.pool, { role });
  return { id, token: issueAccessToken(tokenConfigFromEnv(api.config), { id, role }).token };
}

const WHEEL: TWheelConfigInput = {
  segments: [
    { label: '10 points', weight: 50, colour: '#ffcc00', prize: { kind: 'points', amount: 10 } },
    {
      label: '100 points',
      weight: 10,
      colour: '#ff6600',
      prize: { kind: 'points', amount: 100 },
      stock: 5,
    },
    { label: 'Extra spin', weight: 15, colour: '#00ccff', prize: { kind: 'spins', amount: 1 } },
    {
      label: 'Try again',
      weight: 25,
      colour: '#999999',
      prize: { kind: 'none' },
      isFallback: true,
    },
  ],
};

/** A campaign owned by a marketing user, with the wheel published through the api. */
async function campaignWithWheel() {
  const campaignId = await insertTestCampaign(api.services.pool);
  const admin = await user('admin');
  const res = await http().call('PUT', `/api/admin/campaigns/${campaignId}/wheel`, {
    token: admin.token,
    body: WHEEL,
  });
  expect(res.status).toBe(200);
  return campaignId;
}

async function grantSpins(userId: string, n: number) {
  await withTransaction(api.services.pool, async (tx) => {
    await postTransaction(tx, {
      idempotencyKey: `test-spins:${userId}:${n}`,
      kind: 'spin_grant',
      legs: [
        { accountId: await houseAccount(tx, 'spins'), amount: -n },
        { accountId: await playerAccount(tx, userId, 'spins'), amount: n },
      ],
    });
  });
}

describe('GET /api/campaigns/:campaignId/wheel', () => {
  it('shows the published wheel, stock left, the server seed commitment, spins and the daily spin', async () => {
    const campaignId = await campaignWithWheel();
    const me = await user();
    const res = await http().call('GET', `/api/campaigns/${campaignId}/wheel`, { token: me.token });
    const state = ZWheelState.parse(res.json);
    expect(state).toMatchObject({
      campaignId,
      version: 1,
      spinsAvailable: 0,
      dailySpin: { available: true },
    });
    expect(state.segments.map((s) => [s.label, s.weight, s.stockLeft, s.isFallback])).toEqual([
      ['10 points', 50, null, false],
      ['100 points', 10, 5, false],
      ['Extra spin', 15, null, false],
      ['Try again', 25, null, true],
    ]);
    expect(state.seed).toMatchObject({
      serverSeedHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      nextNonce: 0,
    });
    expect(JSON.stringify(res.json)).not.toMatch(/serverSeed"/); // only the hash, never the seed
    // The commitment is stable until rotated: a second visit shows the same hash.
    const again = ZWheelState.parse(
      (await http().call('GET', `/api/campaigns/${campaignId}/wheel`, { token: me.token })).json,
    );
    expect(again.seed).toEqual(state.seed);
  });

  it('is 404 without a wheel, 400 for a malformed id, 401 without a token', async () => {
    const me = await user();
    const bare = await insertTestCampaign(api.services.pool);
    expect(
      errorOf((await http().call('GET', `/api/campaigns/${bare}/wheel`, { token: me.token })).json)
        .code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf((await http().call('GET', '/api/campaigns/../wheel', { token: me.token })).json).code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf(
        (await http().call('GET', '/api/campaigns/cmp_short/wheel', { token: me.token })).json,
      ).code,
    ).toBe('VALIDATION_FAILED');
    expect(errorOf((await http().call('GET', `/api/campaigns/${bare}/wheel`)).json).code).toBe(
      'AUTH_REQUIRED',
    );
  });
});

describe('POST …/wheel/daily-spin', () => {
  it('credits one spin per UTC day; a second claim is refused with its own code', async () => {
    const campaignId = await campaignWithWheel();
    const me = await user();
    const first = await http().call('POST', `/api/campaigns/${campaignId}/wheel/daily-spin`, {
      token: me.token,
    });
    expect(first.status).toBe(200);
    const claimed = ZDailySpinResponse.parse(first.json);
    expect(claimed.spinsAvailable).toBe(1);
    expect(claimed.nextAt).toMatch(/T00:00:00\.000Z$/);
    const second = await http().call('POST', `/api/campaigns/${campaignId}/wheel/daily-spin`, {
      token: me.token,
    });
    expect([second.status, errorOf(second.json).code]).toEqual([409, 'DAILY_SPIN_ALREADY_CLAIMED']);
    const state = ZWheelState.parse(
      (await http().call('GET', `/api/campaigns/${campaignId}/wheel`, { token: me.token })).json,
    );
    expect(state).toMatchObject({
      spinsAvailable: 1,
      dailySpin: { available: false, nextAt: claimed.nextAt },
    });
  });

  it('is refused on a paused campaign', async () => {
    const campaignId = await campaignWithWheel();
    await api.services.pool.query(`update campaigns set status = 'paused' where id = $1`, [
      campaignId,
    ]);
    const res = await http().call('POST', `/api/campaigns/${campaignId}/wheel/daily-spin`, {
      token: (await user()).token,
    });
    expect(errorOf(res.json).code).toBe('CAMPAIGN_NOT_ACTIVE');
  });
});

describe('POST …/wheel/client-seed', () => {
  it('sets the client seed the next spins use', async () => {
    const campaignId = await campaignWithWheel();
    const me = await user();
    const res = await http().call('POST', `/api/campaigns/${campaignId}/wheel/client-seed`, {
      token: me.token,
      body: { clientSeed: 'my-own-seed_42' },
    });
    expect(ZWheelSeedState.parse(res.json)).toMatchObject({
      clientSeed: 'my-own-seed_42',
      nextNonce: 0,
    });
    await grantSpins(me.id, 1);
    expect((await spinWheel(api.services.pool, { userId: me.id, campaignId })).clientSeed).toBe(
      'my-own-seed_42',
    );
  });

  it.each([
    ['a space', { clientSeed: 'two words' }, 'clientSeed'],
    ['65 characters', { clientSeed: 'x'.repeat(65) }, 'clientSeed'],
    ['nothing', { clientSeed: '' }, 'clientSeed'],
    ['a non-ASCII letter', { clientSeed: 'città' }, 'clientSeed'],
    ['an extra field', { clientSeed: 'ok', serverSeed: 'a'.repeat(64) }, '(root)'],
  ])('refuses %s with VALIDATION_FAILED naming the field', async (_, body, path) => {
    const campaignId = await campaignWithWheel();
    const res = await http().call('POST', `/api/campaigns/${campaignId}/wheel/client-seed`, {
      token: (await user()).token,
      body,
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.json).details?.map((d) => d.path)).toEqual([path]);
  });
});

describe('seed rotation, history and verification', () => {
  it('hides the server seed until rotation, then reveals it and every past spin verifies', async () => {
    const campaignId = await campaignWithWheel();
    const me = await user();
    await grantSpins(me.id, 10);
    const before = ZWheelState.parse(
      (await http().call('GET', `/api/campaigns/${campaignId}/wheel`, { token: me.token })).json,
    );
    for (let i = 0; i < 10; i++) await spinWheel(api.services.pool, { userId: me.id, campaignId });

    const hidden = ZWheelSpinList.parse(
      (await http().call('GET', `/api/campaigns/${campaignId}/wheel/spins`, { token: me.token }))
        .json,
    );
    expect(hidden.spins.map((s) => s.nonce)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(
      hidden.spins.every(
        (s) => s.serverSeed === null && s.serverSeedHash === before.seed.serverSeedHash,
      ),
    ).toBe(true);
    const one = hidden.spins[0] as (typeof hidden.spins)[number];
    expect(
      ZWheelSpinRecord.parse(
        (await http().call('GET', `/api/wheel/spins/${one.spinId}`, { token: me.token })).json,
      ).serverSeed,
    ).toBeNull();

    const rotated = ZRotateSeedResponse.parse(
      (
        await http().call('POST', `/api/campaigns/${campaignId}/wheel/seed/rotate`, {
          token: me.token,
        })
      ).json,
    );
    expect(rotated.revealed).toMatchObject({
      serverSeedHash: before.seed.serverSeedHash,
      spinCount: 10,
    });
    expect(rotated.current).toMatchObject({ nextNonce: 0, clientSeed: before.seed.clientSeed });
    expect(rotated.current.serverSeedHash).not.toBe(before.seed.serverSeedHash);

    const revealed = ZWheelSpinList.parse(
      (await http().call('GET', `/api/campaigns/${campaignId}/wheel/spins`, { token: me.token }))
        .json,
    );
    for (const s of revealed.spins) {
      expect(s.serverSeed).toBe(rotated.revealed.serverSeed);
      const check = verifySpin({
        ...s,
        serverSeed: s.serverSeed as string,
        weights: s.segments.map((x) => x.weight),
        segmentIndex: s.drawnIndex,
      });
      expect(check).toMatchObject({ valid: true });
    }
    const single = ZWheelSpinRecord.parse(
      (await http().call('GET', `/api/wheel/spins/${one.spinId}`, { token: me.token })).json,
    );
    expect(single.serverSeed).toBe(rotated.revealed.serverSeed);
  });

  it("someone else's spin is NOT_FOUND; a malformed spin id is VALIDATION_FAILED", async () => {
    const campaignId = await campaignWithWheel();
    const owner = await user();
    await grantSpins(owner.id, 1);
    const { spinId } = await spinWheel(api.services.pool, { userId: owner.id, campaignId });
    const stranger = await user();
    expect(
      errorOf(
        (await http().call('GET', `/api/wheel/spins/${spinId}`, { token: stranger.token })).json,
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      errorOf(
        (await http().call('GET', '/api/wheel/spins/spn_nope', { token: stranger.token })).json,
      ).code,
    ).toBe('VALIDATION_FAILED');
  });
});

describe('PUT /api/admin/campaigns/:campaignId/wheel', () => {
  it('publishes a new version; spins drawn on the old one still verify against their own weights', async () => {
    const campaignId = await campaignWithWheel();
    const me = await user();
    await grantSpins(me.id, 1);
    const old = await spinWheel(api.services.pool, { userId: me.id, campaignId });
    const admin = await user('admin');
    const reweighted = {
      segments: WHEEL.segments.map((s, i) => ({ ...s, weight: i === 0 ? 1 : 1000 })),
    };
    const res = await http().call('PUT', `/api/admin/campaigns/${campaignId}/wheel`, {
      token: admin.token,
      body: reweighted,
    });
    expect(res.json).toEqual({ campaignId, version: 2 });
    await http().call('POST', `/api/campaigns/${campaignId}/wheel/seed/rotate`, {
      token: me.token,
    });
    const [spin] = ZWheelSpinList.parse(
      (await http().call('GET', `/api/campaigns/${campaignId}/wheel/spins`, { token: me.token }))
        .json,
    ).spins;
    expect(spin).toMatchObject({ spinId: old.spinId, wheelVersion: 1 });
    const weights = spin?.segments.map((s) => s.weight);
    expect(weights).toEqual([50, 10, 15, 25]);
    expect(
      verifySpin({
        ...(spin as NonNullable<typeof spin>),
        serverSeed: spin?.serverSeed as string,
        weights: weights as number[],
        segmentIndex: old.drawnIndex,
      }).valid,
    ).toBe(true);
  });

  it.each<[string, unknown, string]>([
    [
      'no fallback',
      { segments: WHEEL.segments.map((s) => ({ ...s, isFallback: false })) },
      'segments',
    ],
    ['two fallbacks', { segments: [...WHEEL.segments, { ...WHEEL.segments[3] }] }, 'segments'],
    [
      'a fallback that pays',
      {
        segments: WHEEL.segments.map((s, i) =>
          i === 3 ? { ...s, prize: { kind: 'points', amount: 5 } } : s,
        ),
      },
      'segments.3',
    ],
    [
      'a zero weight',
      { segments: WHEEL.segments.map((s, i) => (i === 0 ? { ...s, weight: 0 } : s)) },
      'segments.0.weight',
    ],
    ['a single segment', { segments: [WHEEL.segments[3]] }, 'segments'],
    [
      'a negative stock',
      { segments: WHEEL.segments.map((s, i) => (i === 1 ? { ...s, stock: -1 } : s)) },
      'segments.1.stock',
    ],
  ])('refuses a wheel with %s, naming the field', async (_, body, path) => {
    const campaignId = await insertTestCampaign(api.services.pool);
    const res = await http().call('PUT', `/api/admin/campaigns/${campaignId}/wheel`, {
      token: (await user('admin')).token,
      body,
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.json).details?.map((d) => d.path)).toContain(path);
  });

  it('marketing may publish only on campaigns it owns; players never', async () => {
    const campaignId = await insertTestCampaign(api.services.pool);
    const owner = await user('marketing');
    const other = await user('marketing');
    await api.services.pool.query('update campaigns set owner_id = $2 where id = $1', [
      campaignId,
      owner.id,
    ]);
    const put = (token: string) =>
      http().call('PUT', `/api/admin/campaigns/${campaignId}/wheel`, { token, body: WHEEL });
    expect(errorOf((await put((await user()).token)).json).code).toBe('FORBIDDEN');
    expect(errorOf((await put(other.token)).json).code).toBe('FORBIDDEN');
    expect((await put(owner.token)).json).toEqual({ campaignId, version: 1 });
  });
});
