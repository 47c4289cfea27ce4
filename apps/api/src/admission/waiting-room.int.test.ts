import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAdmissionState, ZWaitingRoomStatus } from '@playloop/shared';
import { PASSWORD, startTestApi, uniqueEmail, type TestApi } from '../../test/harness.js';
import { browser, tokenFor } from './test-browser.js';

let api: TestApi;
let adminToken: string;

beforeAll(async () => {
  api = await startTestApi();
  adminToken = await tokenFor(api, 'admin');
});
afterAll(async () => {
  await api?.stop();
});

const operator = () => browser(api.base);
async function setRoom(body: Record<string, unknown>) {
  const res = await operator().call('PUT', '/api/admin/admission', { body, token: adminToken });
  expect(res.status).toBe(200);
  return ZAdmissionState.parse(res.json);
}
const statusOf = (res: { json: unknown }) => ZWaitingRoomStatus.parse(res.json);
const signup = (b: ReturnType<typeof browser>) =>
  b.call('POST', '/api/auth/signup', {
    body: { email: uniqueEmail('queue'), password: PASSWORD, displayName: 'Queued' },
  });

describe('waiting room over HTTP', () => {
  it('lets everyone straight in while it is off', async () => {
    const b = browser(api.base);
    expect(statusOf(await b.call('POST', '/api/waiting-room/join', { body: {} })).state).toBe(
      'open',
    );
    expect((await signup(b)).status).toBe(201);
  });

  it('queues a new visitor, keeps its place across a refresh and many tabs, then admits it and lets it sign up', async () => {
    // A trickle: nobody gets in while the test looks at the queue.
    await setRoom({ mode: 'on', admitPerSecond: 0.001 });
    const ahead = browser(api.base);
    await ahead.call('POST', '/api/waiting-room/join', { body: {} }); // takes the banked credit
    const second = browser(api.base);
    expect(
      statusOf(await second.call('POST', '/api/waiting-room/join', { body: {} })),
    ).toMatchObject({ state: 'waiting', position: 1 });

    const me = browser(api.base);
    const refused = await signup(me);
    expect(refused.status).toBe(403);
    expect(refused.json.error?.code).toBe('ADMISSION_REQUIRED');

    const visitorId = 'tabs-visitor-0123456789';
    const joined = statusOf(
      await me.call('POST', '/api/waiting-room/join', { body: { visitorId } }),
    );
    expect(joined).toMatchObject({ state: 'waiting', position: 2 });
    expect(joined.etaSeconds).toBeGreaterThan(0);
    expect(me.jar.has('pl_wrt')).toBe(true);

    // A refresh (same cookies) and a hundred fresh tabs sharing the SPA's visitor id: one place.
    expect(statusOf(await me.call('GET', '/api/waiting-room'))).toMatchObject({
      state: 'waiting',
      position: 2,
    });
    const tabs = await Promise.all(
      Array.from({ length: 100 }, () =>
        browser(api.base).call('POST', '/api/waiting-room/join', { body: { visitorId } }),
      ),
    );
    expect(new Set(tabs.map((t) => statusOf(t).position))).toEqual(new Set([2]));
    expect((await setRoom({ admitPerSecond: 0.001 })).waiting).toBe(2);

    // The operator raises the rate; my turn comes, with an admission cookie, and sign-up works.
    await setRoom({ admitPerSecond: 50 });
    const deadline = Date.now() + 10_000;
    let status = statusOf(await me.call('GET', '/api/waiting-room'));
    while (status.state === 'waiting' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      status = statusOf(await me.call('GET', '/api/waiting-room'));
    }
    expect(status.state).toBe('admitted');
    expect(me.jar.has('pl_adm')).toBe(true);
    expect(statusOf(await me.call('GET', '/api/waiting-room')).state).toBe('open');
    expect((await signup(me)).status).toBe(201);
  });

  it('keeps signed-in players playing while new visitors queue', async () => {
    const player = browser(api.base);
    await setRoom({ mode: 'off' });
    const created = await signup(player);
    expect(created.status).toBe(201);
    await setRoom({ mode: 'on', admitPerSecond: 0.001 });
    const token = (created.json as { accessToken: string }).accessToken;
    expect((await player.call('GET', '/api/me', { token })).status).toBe(200);
    // Resuming the session is a token check, never queued.
    const resumed = await player.call('POST', '/api/auth/refresh');
    expect(resumed.status).toBe(200);
    expect(
      (
        await player.call('GET', '/api/wallet', {
          token: (resumed.json as { accessToken: string }).accessToken,
        })
      ).status,
    ).toBe(200);
  });

  it('answers bad input with a clear error and a stable code, and refuses foreign origins', async () => {
    await setRoom({ mode: 'on', admitPerSecond: 0.001 });
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${api.base}/api/waiting-room/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const malformed = await post('{"visitorId":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      'MALFORMED_JSON',
    );
    const invalid = await post(JSON.stringify({ visitorId: 'short' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'visitorId' }] },
    });
    const huge = await post(JSON.stringify({ visitorId: 'x'.repeat(5000) }));
    expect(huge.status).toBe(413);
    const foreign = await post('{}', { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe(
      'ORIGIN_NOT_ALLOWED',
    );
  });

  it('rejects a forged admission cookie', async () => {
    await setRoom({ mode: 'on', admitPerSecond: 0.001 });
    const b = browser(api.base);
    b.jar.set('pl_adm', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged');
    expect((await signup(b)).json.error?.code).toBe('ADMISSION_REQUIRED');
  });

  it('lets only admins steer the room, shows it in /metrics, and admits everyone when closed', async () => {
    const player = await tokenFor(api, 'player');
    expect(
      (
        await operator().call('PUT', '/api/admin/admission', {
          body: { mode: 'off' },
          token: player,
        })
      ).status,
    ).toBe(403);
    expect((await operator().call('GET', '/api/admin/admission')).status).toBe(401);
    const bad = await operator().call('PUT', '/api/admin/admission', {
      body: { mode: 'sometimes' },
      token: adminToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('VALIDATION_FAILED');

    await setRoom({ mode: 'on', admitPerSecond: 3 });
    const metrics = await (await fetch(`${api.base}/metrics`)).text();
    expect(metrics).toMatch(/^playloop_waiting_room_queueing 1$/m);
    expect(metrics).toMatch(/^playloop_waiting_room_admit_per_second 3$/m);
    expect(metrics).toMatch(/^playloop_shed_requests_total|# HELP playloop_shed_requests_total/m);

    const closed = await setRoom({ mode: 'off' });
    expect(closed).toMatchObject({ mode: 'off', isQueueing: false, waiting: 0 });
  });
});
