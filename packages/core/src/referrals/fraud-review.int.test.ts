import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '../testing/index.js';
import { createPool, type Pool } from '../db/pool.js';
import { findLedgerDrift } from '../ledger/reconcile.js';
import { getWallet } from '../ledger/wallet.js';
import { attributeReferral } from './attribute-referral.js';
import { getOrCreateInviteCode } from './codes.js';
import { qualifyReferral } from './qualify-referral.js';
import { listFlaggedReferrals, reviewReferrals } from './review-referrals.js';

let db: TestDatabase;
let pool: Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool({ connectionString: db.url, max: 10 });
});
afterAll(async () => {
  expect(await findLedgerDrift(pool)).toEqual({
    accountsOffBalance: [],
    unbalancedTransactions: [],
    negativeAccounts: 0,
  });
  await pool?.end();
  await db?.drop();
});

async function referralFor(campaign: string, referrerId: string, referee: { id: string }) {
  const code = await getOrCreateInviteCode(pool, referrerId, campaign);
  return attributeReferral(pool, { refereeId: referee.id, code, touchedAt: new Date() });
}

describe('fraud checks on real referrals', () => {
  it('a clean referral is not flagged and is rewarded', async () => {
    const campaign = await insertTestCampaign(pool);
    const referrer = await insertTestUser(pool);
    const r = await referralFor(campaign, referrer.id, await insertTestUser(pool));
    expect(r.status).toBe('pending');
    expect(
      (await qualifyReferral(pool, { refereeId: r.refereeId, action: 'signup' })).outcome,
    ).toBe('rewarded');
  });

  it('the same mailbox (after normalising) is flagged as self-referral with its evidence', async () => {
    const campaign = await insertTestCampaign(pool);
    const referrer = await insertTestUser(pool, { email: 'selfie.one@gmail.com' });
    const r = await referralFor(
      campaign,
      referrer.id,
      await insertTestUser(pool, { email: 'selfieone+2@googlemail.com' }),
    );
    expect(r.status).toBe('flagged');
    const { rows } = await pool.query(
      'select fraud_score, fraud_evidence from referrals where id = $1',
      [r.id],
    );
    expect(rows[0].fraud_evidence.map((e: { rule: string }) => e.rule)).toContain('self_referral');
  });

  it('a disposable email plus the referrer’s IP and browser crosses the threshold', async () => {
    const campaign = await insertTestCampaign(pool);
    const referrer = await insertTestUser(pool, { ip: '10.9.9.9', userAgent: 'Same/1' });
    const r = await referralFor(
      campaign,
      referrer.id,
      await insertTestUser(pool, {
        email: 'x@mailinator.com',
        ip: '10.9.9.9',
        userAgent: 'Same/1',
      }),
    );
    expect(r.status).toBe('flagged');
  });

  it('inhumanly fast qualification is scored when the action comes after sign-up', async () => {
    const campaign = await insertTestCampaign(pool, {
      qualifyingAction: 'first_game',
      fraudThreshold: 30,
    });
    const referrer = await insertTestUser(pool);
    const r = await referralFor(campaign, referrer.id, await insertTestUser(pool));
    expect(r.status).toBe('pending');
    const q = await qualifyReferral(pool, { refereeId: r.refereeId, action: 'first_game' });
    expect(q.outcome).toBe('waiting_review');
    const { rows } = await pool.query('select fraud_evidence from referrals where id = $1', [r.id]);
    expect(rows[0].fraud_evidence.map((e: { rule: string }) => e.rule)).toEqual([
      'fast_qualification',
    ]);
  });

  it('a farm of 20 accounts from one device and IP earns nothing until a reviewer approves', async () => {
    const campaign = await insertTestCampaign(pool, { referrerPoints: 100, refereePoints: 50 });
    const farmer = await insertTestUser(pool, {
      deviceId: 'farm-device-0001',
      ip: '10.6.6.6',
      userAgent: 'Farm/1',
    });
    const farm = [];
    for (let i = 0; i < 20; i++) {
      const fake = await insertTestUser(pool, {
        deviceId: 'farm-device-0001',
        ip: '10.6.6.6',
        userAgent: 'Farm/1',
      });
      farm.push(await referralFor(campaign, farmer.id, fake));
    }
    expect(farm.every((r) => r.status === 'flagged')).toBe(true);
    for (const r of farm)
      expect(
        (await qualifyReferral(pool, { refereeId: r.refereeId, action: 'signup' })).outcome,
      ).toBe('waiting_review');
    expect(await getWallet(pool, farmer.id)).toMatchObject({ points: 0, pointsHeld: 0 });

    const queue = await listFlaggedReferrals(pool, campaign);
    expect(queue).toHaveLength(20);
    expect(queue[0]?.evidence.map((e) => e.rule)).toEqual(
      expect.arrayContaining(['same_device', 'ip_ua_cluster']),
    );
    expect(queue[0]?.linkedAccounts.length).toBeGreaterThanOrEqual(20);

    const reviewer = await insertTestUser(pool, { role: 'support' });
    const rejected = await reviewReferrals(pool, {
      referralIds: farm.slice(0, 19).map((r) => r.id),
      decision: 'reject',
      reviewerId: reviewer.id,
    });
    expect(rejected.updated).toHaveLength(19);
    const approved = await reviewReferrals(pool, {
      referralIds: [farm[19]!.id, farm[0]!.id],
      decision: 'approve',
      reviewerId: reviewer.id,
    });
    expect(approved.updated.map((u) => u.reward?.outcome)).toEqual(['rewarded']);
    expect(approved.skipped).toEqual([farm[0]!.id]);
    expect(await getWallet(pool, farmer.id)).toMatchObject({ points: 100 });
    const { rows } = await pool.query(
      `select to_status, reason, actor from referral_status_changes where referral_id = $1 order by id`,
      [farm[19]!.id],
    );
    expect(rows.map((r) => r.to_status)).toEqual([
      'pending',
      'flagged',
      'flagged',
      'approved',
      'rewarded',
    ]);
    expect(rows[3].actor).toBe(reviewer.id);
  });
});
