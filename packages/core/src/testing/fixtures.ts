import { randomBytes } from 'node:crypto';
import { newId } from '@playloop/shared';
import { withTransaction, type Pool } from '../db/pool.js';
import { campaignBudgetAccount, houseAccount } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/post-transaction.js';
import { recordUserSignals } from '../referrals/signals.js';

const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$ZmFrZXNhbHQ$ZmFrZWhhc2g';

/** A local user inserted directly (no password work), with sign-up signals. */
export async function insertTestUser(
  pool: Pool,
  opts: {
    email?: string;
    displayName?: string;
    role?: string;
    deviceId?: string | null;
    ip?: string | null;
    userAgent?: string | null;
  } = {},
): Promise<{ id: string; email: string }> {
  const id = newId('usr');
  const email = opts.email ?? `u-${randomBytes(5).toString('hex')}@example.com`;
  await pool.query(
    `insert into users (id, email, display_name, role, password_hash) values ($1, $2, $3, $4, $5)`,
    [id, email, opts.displayName ?? `Player ${id.slice(-4)}`, opts.role ?? 'player', FAKE_HASH],
  );
  await recordUserSignals(pool, id, email, {
    deviceId: opts.deviceId === undefined ? randomBytes(8).toString('hex') : opts.deviceId,
    ip: opts.ip === undefined ? `10.${rand()}.${rand()}.${rand()}` : opts.ip,
    userAgent:
      opts.userAgent === undefined
        ? `TestBrowser/${randomBytes(3).toString('hex')}`
        : opts.userAgent,
  });
  return { id, email };
}
const rand = () => Math.floor(Math.random() * 250) + 1;

export interface TestCampaignRules {
  qualifyingAction?: 'signup' | 'email_verified' | 'first_game' | 'custom';
  referrerPoints?: number;
  refereePoints?: number;
  referrerSpins?: number;
  dailyCap?: number | null;
  lifetimeCap?: number | null;
  holdSeconds?: number;
  windowDays?: number;
  fraudThreshold?: number;
  status?: string;
  endsAt?: Date | null;
  budget?: number;
  customEventKeyHash?: string | null;
}

/** An active campaign with the given rules and a funded points budget. */
export async function insertTestCampaign(pool: Pool, r: TestCampaignRules = {}): Promise<string> {
  const id = newId('cmp');
  await pool.query(
    `insert into campaigns (id, slug, title, status, starts_at, ends_at, qualifying_action, referrer_reward_points, referee_reward_points,
       referrer_reward_spins, referrer_daily_cap, referrer_lifetime_cap, hold_seconds, attribution_window_days, fraud_threshold, custom_event_key_hash)
     values ($1, $2, 'Test campaign', $3, now() - interval '1 hour', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      `c-${id.slice(-10).toLowerCase()}`,
      r.status ?? 'active',
      r.endsAt ?? null,
      r.qualifyingAction ?? 'signup',
      r.referrerPoints ?? 100,
      r.refereePoints ?? 50,
      r.referrerSpins ?? 1,
      r.dailyCap ?? null,
      r.lifetimeCap ?? null,
      r.holdSeconds ?? 0,
      r.windowDays ?? 30,
      r.fraudThreshold ?? 60,
      r.customEventKeyHash ?? null,
    ],
  );
  await fundCampaign(pool, id, r.budget ?? 1_000_000);
  return id;
}

export async function fundCampaign(pool: Pool, campaignId: string, points: number): Promise<void> {
  if (points <= 0) return;
  await withTransaction(pool, async (tx) => {
    await postTransaction(tx, {
      idempotencyKey: `test-fund:${campaignId}:${randomBytes(4).toString('hex')}`,
      kind: 'budget_funding',
      campaignId,
      legs: [
        { accountId: await houseAccount(tx, 'points'), amount: -points },
        { accountId: await campaignBudgetAccount(tx, campaignId), amount: points },
      ],
    });
  });
}
