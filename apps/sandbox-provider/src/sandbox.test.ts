import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    apiKey: 'sandbox-test-key',
    callbackSecret: 'sandbox-test-callback-secret',
    behaviour: { hangMs: 300 },
  });
});
afterAll(async () => {
  await sandbox.stop();
});

const order = (key: string, body: object = {}, apiKey = 'sandbox-test-key') =>
  fetch(`${sandbox.url}/v1/orders`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'idempotency-key': key,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      reference: 'pay_1',
      sku: 'gift',
      amount: { value: 1_000, currency: 'EUR' },
      ...body,
    }),
  });

describe('the sandbox gift-card API', () => {
  it('makes one order per idempotency key and answers a repeat with it', async () => {
    const first = await order('key-0000001');
    expect(first.status).toBe(201);
    const again = await order('key-0000001');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await order('key-0000001', { amount: { value: 5, currency: 'EUR' } })).status).toBe(
      409,
    );
    expect(sandbox.stats()).toMatchObject({ orders: 1, paidTwice: [] });
  });

  it('fails on demand as a real provider would', async () => {
    const outcomes = [
      'unavailable',
      'rate_limited',
      'bad_request',
      'expired_credentials',
      'declined',
      'server_error',
      'amount_mismatch',
    ] as const;
    sandbox.script('pay_2', [...outcomes]);
    const answers = [];
    for (let i = 0; i < outcomes.length; i++) {
      const res = await order('key-0000002', { reference: 'pay_2' });
      answers.push([
        res.status,
        res.headers.get('retry-after'),
        ((await res.json()) as { error?: { code: string } }).error?.code ?? null,
      ]);
    }
    expect(answers).toEqual([
      [503, null, 'unavailable'],
      [429, '1', 'rate_limited'],
      [400, null, 'bad_request'],
      [401, null, 'credentials_expired'],
      [402, null, 'declined'],
      [500, null, 'internal'],
      // The 500 came after the order was taken: the mismatch draw finds that order (for the amount asked).
      [200, null, null],
    ]);
    expect((await order('key-0000003', {}, 'wrong-key-000')).status).toBe(401);
    sandbox.setBehaviour({ down: true });
    expect((await order('key-0000004')).status).toBe(503);
    sandbox.setBehaviour({ down: false });
  });

  it('keeps a timed-out caller waiting past its deadline after taking the order', async () => {
    sandbox.script('pay_3', ['timeout']);
    const res = await fetch(`${sandbox.url}/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sandbox-test-key',
        'idempotency-key': 'key-0000005',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        reference: 'pay_3',
        sku: 'gift',
        amount: { value: 1_000, currency: 'EUR' },
      }),
      signal: AbortSignal.timeout(100),
    }).catch((err: Error) => err);
    expect(res).toBeInstanceOf(Error);
    expect(sandbox.orders().some((o) => o.reference === 'pay_3')).toBe(true);
  });
});
