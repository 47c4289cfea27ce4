import { randomBytes } from 'node:crypto';
import {
  campaignBudgetAccount,
  issueAccessToken,
  playerAccount,
  postTransaction,
  replacePayoutPolicy,
  tokenConfigFromEnv,
  withTransaction,
} from '@playloop/core';
import { insertTestCampaign, insertTestUser } from '@playloop/core/testing';
import { startSandbox, type Behaviour, type Sandbox } from '@playloop/sandbox-provider';
import { DEFAULT_PAYOUT_POLICY, newId, type Role, type TPayoutPolicy } from '@playloop/shared';
import { startTestApi, type TestApi } from '../../../test/harness.js';
import { startTestWorker } from '../../../test/worker-harness.js';

/** Retry delays in tens of milliseconds, so a test of hundreds of payouts runs in seconds. */
export const FAST_POLICY: TPayoutPolicy = {
  ...DEFAULT_PAYOUT_POLICY,
  retry: {
    baseDelayMs: 20,
    factor: 2,
    maxDelayMs: 400,
    maxAttempts: 12,
    jitterRatio: 0.2,
    honourRetryAfter: true,
    maxRetryAfterMs: 1_000,
  },
  timeoutMs: 150,
  pendingCheckMs: 500,
  breaker: { ...DEFAULT_PAYOUT_POLICY.breaker, failureThreshold: 5, cooldownMs: 300 },
};

export interface StackOptions {
  behaviour?: Partial<Behaviour>;
  policy?: TPayoutPolicy;
  /** A second sandbox registered as provider `backup`. */
  backup?: boolean;
  /** false: no in-process worker (a test runs its own, e.g. as a child process). */
  worker?: boolean;
  workerEnv?: Record<string, string>;
  apiEnv?: Record<string, string>;
}

/**
 * A real api over a fresh database, a real sandbox provider on its own port (callbacks pointed at
 * the api), the policy stored through the same code an admin's PUT uses, and (by default) a real
 * worker runtime in process. Everything talks HTTP, Postgres and Redis for real.
 */
export async function startPayoutStack(opts: StackOptions = {}) {
  const key = () => randomBytes(16).toString('hex');
  const creds = { apiKey: key(), callbackSecret: key() };
  const sandbox = await startSandbox({ ...creds, behaviour: { hangMs: 400, ...opts.behaviour } });
  const backupCreds = { apiKey: key(), callbackSecret: key() };
  const backup: Sandbox | null = opts.backup
    ? await startSandbox({ ...backupCreds, behaviour: { hangMs: 400 } })
    : null;
  const providers = [
    { name: 'sandbox', baseUrl: sandbox.url, ...creds },
    ...(backup ? [{ name: 'backup', baseUrl: backup.url, ...backupCreds }] : []),
  ];
  const providerEnv = { PAYOUT_PROVIDERS: JSON.stringify(providers) };
  const api: TestApi = await startTestApi({ ...providerEnv, ...opts.apiEnv });
  sandbox.setCallbackUrl(`${api.base}/api/payouts/callbacks/sandbox`);
  backup?.setCallbackUrl(`${api.base}/api/payouts/callbacks/backup`);
  const pool = api.services.pool;
  await replacePayoutPolicy(pool, opts.policy ?? FAST_POLICY, null);
  const workerEnv = {
    ...providerEnv,
    PAYOUT_CONCURRENCY: '20',
    PAYOUT_LOCK_MS: '2000',
    PAYOUT_SWEEP_EVERY_MS: '1000',
    WEBHOOK_DISPATCH_EVERY_MS: '200',
    WEBHOOK_BACKOFF_MS: '50',
    WEBHOOK_MAX_ATTEMPTS: '4',
    WEBHOOK_TIMEOUT_MS: '1000',
    PAYOUT_RECONCILE_EVERY_MS: '3600000',
    ...opts.workerEnv,
  };
  const worker = opts.worker === false ? null : await startTestWorker(api, workerEnv);
  const campaignId = await insertTestCampaign(pool, { budget: 50_000_000 });

  const stack = {
    api,
    pool,
    sandbox,
    backup,
    worker,
    campaignId,
    creds,
    backupCreds,
    workerEnv,
    async user(opts: { role?: Role; points?: number } = {}) {
      const u = await insertTestUser(pool, { role: opts.role ?? 'player' });
      if (opts.points) await stack.grantPoints(u.id, opts.points);
      const token = issueAccessToken(tokenConfigFromEnv(api.config), {
        id: u.id,
        role: opts.role ?? 'player',
      }).token;
      return { ...u, token };
    },
    async grantPoints(userId: string, points: number) {
      await withTransaction(pool, async (tx) => {
        await postTransaction(tx, {
          idempotencyKey: `test-grant:${userId}:${randomBytes(4).toString('hex')}`,
          kind: 'adjustment',
          campaignId,
          legs: [
            { accountId: await campaignBudgetAccount(tx, campaignId), amount: -points },
            { accountId: await playerAccount(tx, userId, 'points', 'available'), amount: points },
          ],
        });
      });
    },
    async giftCard(
      opts: {
        stock?: number | null;
        perPlayerLimit?: number | null;
        provider?: string;
        costPoints?: number;
        amountCents?: number;
      } = {},
    ) {
      const id = newId('rwd');
      await pool.query(
        `insert into reward_items (id, campaign_id, kind, title, cost_points, amount_cents, currency, provider, sku, stock, per_player_limit)
         values ($1, $2, 'gift_card', 'Gift card', $3, $4, 'EUR', $5, 'gift-eur', $6, $7)`,
        [
          id,
          campaignId,
          opts.costPoints ?? 100,
          opts.amountCents ?? 1_000,
          opts.provider ?? 'sandbox',
          opts.stock ?? null,
          opts.perPlayerLimit ?? null,
        ],
      );
      return id;
    },
    async stop() {
      await worker?.close();
      await api.stop();
      await sandbox.stop();
      await backup?.stop();
    },
  };
  return stack;
}
export type PayoutStack = Awaited<ReturnType<typeof startPayoutStack>>;

/** Polls `check` until it returns a value (not undefined) or `ms` pass; no sleeps as synchronisation. */
export async function until<T>(
  check: () => Promise<T | undefined>,
  ms: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function statusCounts(
  stack: PayoutStack,
  ids?: string[],
): Promise<Record<string, number>> {
  const { rows } = await stack.pool.query<{ status: string; n: string }>(
    `select status, count(*) as n from payouts where ($1::text[] is null or id = any($1)) group by status`,
    [ids ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
