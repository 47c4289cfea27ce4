import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.js';
import { tokenFor } from './test-browser.js';

let api: TestApi;
let token: string;
const held: ClientRequest[] = [];

beforeAll(async () => {
  // One expensive request at a time; two of any kind.
  api = await startTestApi({ SHED_MAX_IN_FLIGHT: '1', SHED_MAX_CHEAP_IN_FLIGHT: '2' });
  token = await tokenFor(api, 'player');
});
afterAll(async () => {
  for (const r of held) r.destroy();
  await api?.stop();
});

/** An expensive request that stays in flight: its body never finishes arriving. */
async function holdExpensiveRequest(): Promise<void> {
  const url = new URL('/api/referrals/attribute', api.base);
  const req = httpRequest(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': '100',
      authorization: `Bearer ${token}`,
    },
  });
  req.on('error', () => undefined);
  req.write('{"code":');
  held.push(req);
  // In flight once the api has counted it: the next expensive call is refused.
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const res = await fetch(`${api.base}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await res.body?.cancel();
    if (res.status === 503) return;
  }
  throw new Error('the held request never counted as in flight');
}

describe('load shedding', () => {
  it('answers 503 with Retry-After at once past the bound, still serves cheap requests, never sheds probes', async () => {
    await holdExpensiveRequest();

    const started = performance.now();
    const shed = await fetch(`${api.base}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const elapsed = performance.now() - started;
    expect(shed.status).toBe(503);
    expect(Number(shed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await shed.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('OVERLOADED');
    expect(body.error.requestId).toBeTruthy();
    expect(elapsed).toBeLessThan(250);

    // The landing page's reads and the waiting room are cheap: still served.
    expect((await fetch(`${api.base}/api/config`)).status).toBe(200);
    expect((await fetch(`${api.base}/api/waiting-room`)).status).toBe(200);
    // Probes are mounted in front of shedding.
    for (const probe of ['/healthz', '/readyz', '/metrics'])
      expect((await fetch(`${api.base}${probe}`)).status).toBe(200);

    const metrics = await (await fetch(`${api.base}/metrics`)).text();
    expect(metrics).toMatch(
      /^playloop_shed_requests_total\{class="expensive",reason="in_flight"\} [1-9]/m,
    );
  });

  it('frees the slot when the held request ends', async () => {
    for (const r of held.splice(0)) r.destroy();
    const deadline = Date.now() + 5000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (
        await fetch(`${api.base}/api/me`, { headers: { authorization: `Bearer ${token}` } })
      ).status;
    }
    expect(status).toBe(200);
  });
});
