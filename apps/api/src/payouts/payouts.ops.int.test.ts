import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeemReward, verifySignature } from '@playloop/core';
import { newId } from '@playloop/shared';
import {
  ZPayoutKpis,
  ZPayoutPolicyDocument,
  ZReconciliationList,
  ZReconciliationReport,
  ZWebhookDeliveryList,
  ZWebhookEndpointCreated,
} from '@playloop/shared';
import { client } from '../../test/harness.js';
import {
  FAST_POLICY,
  startPayoutStack,
  statusCounts,
  until,
  type PayoutStack,
} from './testing/stack.js';

let stack: PayoutStack;
let admin: Awaited<ReturnType<PayoutStack['user']>>;
beforeAll(async () => {
  stack = await startPayoutStack();
  admin = await stack.user({ role: 'admin' });
});
afterAll(async () => {
  await stack?.stop();
});
const call = (method: string, path: string, token: string, body?: unknown) =>
  client(stack.api.base).call(method, path, { token, ...(body === undefined ? {} : { body }) });

describe('the payout policy is data an admin replaces', () => {
  it('reads the policy in force and replaces it with a validated new version', async () => {
    const current = ZPayoutPolicyDocument.parse(
      (await call('GET', '/api/admin/payout-policy', admin.token)).json,
    );
    expect(current).toMatchObject({ version: 1, policy: FAST_POLICY });
    const next = { ...FAST_POLICY, breaker: { ...FAST_POLICY.breaker, failureThreshold: 7 } };
    const saved = await call('PUT', '/api/admin/payout-policy', admin.token, next);
    expect(saved.status).toBe(200);
    expect(ZPayoutPolicyDocument.parse(saved.json)).toMatchObject({
      version: 2,
      updatedBy: admin.id,
      policy: { breaker: { failureThreshold: 7 } },
    });
    expect(
      ZPayoutPolicyDocument.parse((await call('GET', '/api/admin/payout-policy', admin.token)).json)
        .version,
    ).toBe(2);
  });

  it.each([
    [
      'retrying a non-transient failure',
      { actions: { ...FAST_POLICY.actions, declined: 'retry' } },
      'actions.declined',
    ],
    [
      'an amount mismatch that does not escalate',
      { actions: { ...FAST_POLICY.actions, amount_mismatch: 'fail' } },
      'actions.amount_mismatch',
    ],
    [
      'a backoff ceiling below its base',
      { retry: { ...FAST_POLICY.retry, baseDelayMs: 5_000, maxDelayMs: 1_000 } },
      'retry.maxDelayMs',
    ],
    ['an unknown field', { surprise: true }, '(root)'],
  ])('refuses %s with the field named, and keeps the policy', async (_what, patch, path) => {
    const res = await call('PUT', '/api/admin/payout-policy', admin.token, {
      ...FAST_POLICY,
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: expect.arrayContaining([expect.objectContaining({ path })]),
      },
    });
    expect(
      ZPayoutPolicyDocument.parse((await call('GET', '/api/admin/payout-policy', admin.token)).json)
        .version,
    ).toBe(2);
  });

  it('is for admins only', async () => {
    for (const role of ['player', 'marketing', 'support'] as const) {
      const someone = await stack.user({ role });
      expect((await call('GET', '/api/admin/payout-policy', someone.token)).status).toBe(403);
      expect(
        (await call('PUT', '/api/admin/payout-policy', someone.token, FAST_POLICY)).status,
      ).toBe(403);
    }
  });
});

describe('KPIs and reconciliation', () => {
  it('reports exceptions resolved within 5 minutes, escalation and success rates, per provider, in the API and on /metrics', async () => {
    const player = await stack.user({ points: 1_000 });
    const itemId = await stack.giftCard({ costPoints: 10 });
    const ids: string[] = [];
    for (const [i, script] of [['server_error'], ['rate_limited'], ['declined'], []].entries()) {
      const { payout } = await redeemReward(stack.pool, {
        userId: player.id,
        itemId,
        requestKey: `kpi-key-${i}`,
        device: 'desktop',
        configuredProviders: new Set(['sandbox']),
      });
      stack.sandbox.script(payout.id, script as never);
      await stack.api.services.payouts.enqueuePayout(payout.id);
      ids.push(payout.id);
    }
    await until(
      async () => ((await statusCounts(stack, ids)).fulfilled === 3 ? true : undefined),
      15_000,
      'payouts to settle',
    );
    const support = await stack.user({ role: 'support' });
    const kpis = ZPayoutKpis.parse(
      (await call('GET', '/api/admin/payouts/kpis?windowHours=1', support.token)).json,
    );
    expect(kpis.exceptions).toMatchObject({
      total: 3,
      resolvedWithin5m: 3,
      share: 1,
      target: 0.85,
      meetsTarget: true,
    });
    expect(kpis.payouts).toMatchObject({ total: 4, fulfilled: 3, failed: 1 });
    expect(kpis.successRate).toBe(0.75);
    expect(kpis.escalationRate).toBe(0);
    expect(kpis.providers).toMatchObject([
      { provider: 'sandbox', exceptions: 3, breaker: { state: 'closed' } },
    ]);

    const metrics = await (await fetch(`${stack.api.base}/metrics`)).text();
    expect(metrics).toMatch(
      /playloop_payout_exceptions_resolved_within_5m_ratio\{provider="all"\} 1/,
    );
    expect(metrics).toMatch(/playloop_payout_success_rate\{provider="sandbox"\} 0\.75/);
    expect(metrics).toMatch(/playloop_payout_breaker_open\{provider="sandbox",state="closed"\} 0/);
  });

  it('finds no drift when ledger, payouts and provider agree, and reports an order the provider holds that we never recorded', async () => {
    const clean = ZReconciliationReport.parse(
      (await call('POST', '/api/admin/payouts/reconciliation', admin.token)).json,
    );
    expect(clean.items).toEqual([]);
    expect(clean.checked.providerRecords).toBeGreaterThan(0);
    // Someone ordered at the provider with our key outside Playloop (or a record was lost).
    await fetch(`${stack.sandbox.url}/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.creds.apiKey}`,
        'idempotency-key': 'stray-order-key-1',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        reference: 'outside',
        sku: 'gift-eur',
        amount: { value: 100, currency: 'EUR' },
      }),
    });
    const drift = ZReconciliationReport.parse(
      (await call('POST', '/api/admin/payouts/reconciliation', admin.token)).json,
    );
    expect(drift.items).toEqual([
      {
        kind: 'provider_paid_not_recorded',
        payoutId: 'outside',
        provider: 'sandbox',
        detail: expect.any(String),
      },
    ]);
    const support = await stack.user({ role: 'support' });
    const list = ZReconciliationList.parse(
      (await call('GET', '/api/admin/payouts/reconciliation', support.token)).json,
    );
    expect(list.reports.map((r) => r.driftCount).slice(0, 2)).toEqual([1, 0]);
  });
});

describe('outgoing CRM webhooks', () => {
  it('deliver reward.granted and payout.fulfilled signed, retry a failing endpoint with backoff, and log every attempt', async () => {
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    let failuresLeft = 2;
    const crm = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (failuresLeft-- > 0) return void res.writeHead(503).end();
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    crm.listen(0, '127.0.0.1');
    await once(crm, 'listening');
    try {
      const url = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/hooks`;
      const created = ZWebhookEndpointCreated.parse(
        (
          await call('POST', '/api/admin/webhooks', admin.token, {
            url,
            events: ['reward.granted', 'payout.fulfilled'],
          })
        ).json,
      );
      const player = await stack.user({ points: 100 });
      const itemId = await stack.giftCard({ costPoints: 100 });
      const res = await client(stack.api.base).call('POST', `/api/rewards/${itemId}/redeem`, {
        token: player.token,
        headers: { 'idempotency-key': 'webhook-key-1' },
      });
      const payoutId = (res.json as { payout: { id: string } }).payout.id;
      await until(async () => (received.length === 2 ? true : undefined), 15_000, 'two deliveries');
      // The CRM has both bodies once its 204s are on their way back; the worker records them after
      // reading those answers, so the log is read once it shows the outcome, not in the same instant.
      const log = await until(
        async () => {
          const list = ZWebhookDeliveryList.parse(
            (await call('GET', '/api/admin/webhooks/deliveries', admin.token)).json,
          );
          return list.deliveries.length === 2 &&
            list.deliveries.every((d) => d.status !== 'pending')
            ? list
            : undefined;
        },
        15_000,
        'both deliveries recorded',
      );

      const types = received.map((r) => r.headers['x-playloop-event']).sort();
      expect(types).toEqual(['payout.fulfilled', 'reward.granted']);
      for (const r of received) {
        expect(
          verifySignature(created.secret, r.headers['x-playloop-signature'] as string, r.body),
        ).toBe(true);
        const forged = `t=${Math.floor(Date.now() / 1000)},v1=${createHmac('sha256', 'wrong').update(r.body).digest('hex')}`;
        expect(verifySignature(created.secret, forged, r.body)).toBe(false);
        expect(JSON.parse(r.body)).toMatchObject({
          type: r.headers['x-playloop-event'],
          data: { payoutId, userId: player.id, email: player.email },
        });
      }
      expect(log.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);
      expect(log.deliveries.reduce((n, d) => n + d.attempts, 0)).toBe(4); // two 503s, then two 204s
      const attempts = await stack.pool.query(
        'select status_code from webhook_delivery_attempts order by id',
      );
      expect(attempts.rows.map((r) => r.status_code)).toEqual([503, 503, 204, 204]);
    } finally {
      crm.closeAllConnections();
      crm.close();
    }
  });

  it('turn referral qualifications into referral.qualified events without touching the referral code path', async () => {
    const bodies: string[] = [];
    const crm = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200).end();
      });
    });
    crm.listen(0, '127.0.0.1');
    await once(crm, 'listening');
    try {
      await call('POST', '/api/admin/webhooks', admin.token, {
        url: `http://127.0.0.1:${(crm.address() as AddressInfo).port}/`,
        events: ['referral.qualified'],
      });
      const [referrer, referee] = [await stack.user(), await stack.user()];
      const referralId = newId('ref');
      await stack.pool.query(
        `insert into referral_codes (code, user_id, campaign_id) values ('WEBHOOKCODE1', $1, $2)`,
        [referrer.id, stack.campaignId],
      );
      await stack.pool.query(
        `insert into referrals (id, campaign_id, referrer_id, referee_id, code, status, touched_at) values ($1, $2, $3, $4, 'WEBHOOKCODE1', 'qualified', now())`,
        [referralId, stack.campaignId, referrer.id, referee.id],
      );
      // As qualifyReferral writes it; dated a little back, past the collector's settle margin.
      await stack.pool.query(
        `insert into referral_status_changes (referral_id, from_status, to_status, reason, at) values ($1, 'pending', 'qualified', 'qualified by signup', now() - interval '10 seconds')`,
        [referralId],
      );
      await until(
        async () => (bodies.length > 0 ? true : undefined),
        10_000,
        'the referral.qualified delivery',
      );
      expect(JSON.parse(bodies[0] as string)).toMatchObject({
        type: 'referral.qualified',
        data: {
          referralId,
          referrerId: referrer.id,
          refereeId: referee.id,
          referrerEmail: referrer.email,
          campaignId: stack.campaignId,
        },
      });
    } finally {
      crm.closeAllConnections();
      crm.close();
    }
  });
});
