import { newId, type Role, type TCampaignAdmin, type TCampaignInput } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import { withTransaction, type Pool, type PoolClient, type Queryable } from '../db/pool.js';
import { campaignBudgetAccount, houseAccount } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/post-transaction.js';
import { recordAudit } from './audit.js';

export interface Actor {
  userId: string;
  role: Role;
  ip?: string | null;
}

const COLUMNS = `c.id, c.slug, c.title, c.description, c.status, c.owner_id, c.starts_at, c.ends_at, c.qualifying_action,
  c.referrer_reward_points, c.referee_reward_points, c.referrer_reward_spins, c.referrer_daily_cap, c.referrer_lifetime_cap,
  c.hold_seconds, c.attribution_window_days, c.fraud_threshold, c.daily_budget_points, c.landing_title, c.landing_text,
  c.image_url, c.share_text, c.created_at,
  coalesce((select balance from ledger_accounts a where a.kind = 'campaign_budget' and a.campaign_id = c.id and a.asset = 'points'), 0) as budget,
  coalesce((select json_agg(json_build_object('name', v.name, 'weight', v.weight, 'landingTitle', v.landing_title,
    'landingText', v.landing_text) order by v.name) from campaign_variants v where v.campaign_id = c.id), '[]'::json) as variants`;

/** Campaigns with their budget and variants in one query, however many are read. */
async function selectCampaigns(
  db: Queryable,
  where: string,
  params: unknown[],
): Promise<TCampaignAdmin[]> {
  const { rows } = await db.query(`select ${COLUMNS} from campaigns c ${where}`, params);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    ownerId: r.owner_id,
    budgetRemaining: Number(r.budget),
    createdAt: r.created_at.toISOString(),
    config: {
      slug: r.slug,
      title: r.title,
      description: r.description,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at?.toISOString() ?? null,
      qualifyingAction: r.qualifying_action,
      referrerRewardPoints: r.referrer_reward_points,
      refereeRewardPoints: r.referee_reward_points,
      referrerRewardSpins: r.referrer_reward_spins,
      referrerDailyCap: r.referrer_daily_cap,
      referrerLifetimeCap: r.referrer_lifetime_cap,
      holdSeconds: r.hold_seconds,
      attributionWindowDays: r.attribution_window_days,
      fraudThreshold: r.fraud_threshold,
      dailyBudgetPoints: r.daily_budget_points,
      landingTitle: r.landing_title,
      landingText: r.landing_text,
      imageUrl: r.image_url,
      shareText: r.share_text,
      variants: r.variants,
    },
  }));
}

async function readCampaign(db: Queryable, id: string): Promise<TCampaignAdmin | null> {
  return (await selectCampaigns(db, 'where c.id = $1', [id]))[0] ?? null;
}

/** Marketing edits only the campaigns it owns; admin edits any. */
function assertCanEdit(actor: Actor, ownerId: string | null): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'marketing' || ownerId !== actor.userId) {
    throw new AppError('FORBIDDEN', { internal: `campaign owned by ${ownerId}` });
  }
}

const VALUES = (c: TCampaignInput) => [
  c.slug,
  c.title,
  c.description,
  c.startsAt,
  c.endsAt,
  c.qualifyingAction,
  c.referrerRewardPoints,
  c.refereeRewardPoints,
  c.referrerRewardSpins,
  c.referrerDailyCap,
  c.referrerLifetimeCap,
  c.holdSeconds,
  c.attributionWindowDays,
  c.fraudThreshold,
  c.dailyBudgetPoints,
  c.landingTitle,
  c.landingText,
  c.imageUrl,
  c.shareText,
];

/** Tops the campaign's budget up (or down) to `target` points through the ledger. */
async function setBudget(
  tx: PoolClient,
  campaignId: string,
  target: number,
  actorId: string,
): Promise<void> {
  const budget = await campaignBudgetAccount(tx, campaignId);
  const { rows } = await tx.query('select balance from ledger_accounts where id = $1 for update', [
    budget,
  ]);
  const delta = target - Number(rows[0].balance);
  if (delta === 0) return;
  await postTransaction(tx, {
    idempotencyKey: `budget:${campaignId}:${newId('ltx')}`,
    kind: 'budget_funding',
    campaignId,
    memo: { description: 'Budget set by marketing', actorId, target },
    legs: [
      { accountId: await houseAccount(tx, 'points'), amount: -delta },
      { accountId: budget, amount: delta },
    ],
  });
}

async function replaceVariants(
  tx: PoolClient,
  campaignId: string,
  c: TCampaignInput,
): Promise<void> {
  await tx.query('delete from campaign_variants where campaign_id = $1', [campaignId]);
  for (const v of c.variants) {
    await tx.query(
      'insert into campaign_variants (id, campaign_id, name, weight, landing_title, landing_text) values ($1, $2, $3, $4, $5, $6)',
      [newId('var'), campaignId, v.name, v.weight, v.landingTitle, v.landingText],
    );
  }
}

function slugTaken(err: unknown): boolean {
  return (err as { constraint?: string }).constraint === 'campaigns_slug_key';
}

export async function createCampaign(
  pool: Pool,
  actor: Actor,
  input: TCampaignInput,
): Promise<TCampaignAdmin> {
  const id = newId('cmp');
  try {
    return await withTransaction(pool, async (tx) => {
      await tx.query(
        `insert into campaigns (slug, title, description, starts_at, ends_at, qualifying_action, referrer_reward_points, referee_reward_points,
           referrer_reward_spins, referrer_daily_cap, referrer_lifetime_cap, hold_seconds, attribution_window_days, fraud_threshold,
           daily_budget_points, landing_title, landing_text, image_url, share_text, id, owner_id, status)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,'draft')`,
        [...VALUES(input), id, actor.userId],
      );
      await replaceVariants(tx, id, input);
      await setBudget(tx, id, input.budgetPoints, actor.userId);
      const after = await readCampaign(tx, id);
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'campaign.create',
        entityType: 'campaign',
        entityId: id,
        outcome: 'ok',
        after,
        ip: actor.ip,
      });
      return after as TCampaignAdmin;
    });
  } catch (err) {
    if (slugTaken(err))
      throw new AppError('CONFLICT', {
        message: 'That slug is taken.',
        details: [{ path: 'slug', message: 'is already used by another campaign' }],
      });
    throw err;
  }
}

export async function updateCampaign(
  pool: Pool,
  actor: Actor,
  id: string,
  input: TCampaignInput,
): Promise<TCampaignAdmin> {
  try {
    return await withTransaction(pool, async (tx) => {
      const before = await readCampaign(tx, id);
      if (!before) throw new AppError('NOT_FOUND');
      assertCanEdit(actor, before.ownerId);
      await tx.query(
        `update campaigns set slug=$1, title=$2, description=$3, starts_at=$4, ends_at=$5, qualifying_action=$6, referrer_reward_points=$7,
           referee_reward_points=$8, referrer_reward_spins=$9, referrer_daily_cap=$10, referrer_lifetime_cap=$11, hold_seconds=$12,
           attribution_window_days=$13, fraud_threshold=$14, daily_budget_points=$15, landing_title=$16, landing_text=$17, image_url=$18,
           share_text=$19, updated_at = now() where id = $20`,
        [...VALUES(input), id],
      );
      await replaceVariants(tx, id, input);
      await setBudget(tx, id, input.budgetPoints, actor.userId);
      const after = await readCampaign(tx, id);
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'campaign.update',
        entityType: 'campaign',
        entityId: id,
        outcome: 'ok',
        before,
        after,
        ip: actor.ip,
      });
      return after as TCampaignAdmin;
    });
  } catch (err) {
    if (slugTaken(err))
      throw new AppError('CONFLICT', {
        details: [{ path: 'slug', message: 'is already used by another campaign' }],
      });
    if ((err as { code?: string }).code === '23514')
      throw new AppError('INSUFFICIENT_FUNDS', {
        message: 'The budget cannot go below what is already spent.',
        details: [{ path: 'budgetPoints', message: 'is lower than the points already issued' }],
      });
    throw err;
  }
}

const TRANSITIONS: Record<string, string[]> = {
  draft: ['active', 'scheduled', 'ended'],
  scheduled: ['active', 'paused', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

/** Publish, schedule, pause or end. An ended campaign stays ended. */
export async function setCampaignStatus(
  pool: Pool,
  actor: Actor,
  id: string,
  status: string,
): Promise<TCampaignAdmin> {
  return withTransaction(pool, async (tx) => {
    const before = await readCampaign(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    assertCanEdit(actor, before.ownerId);
    if (!TRANSITIONS[before.status]?.includes(status)) {
      throw new AppError('CONFLICT', {
        message: `A ${before.status} campaign cannot become ${status}.`,
        details: [{ path: 'status', message: `cannot go from ${before.status} to ${status}` }],
      });
    }
    await tx.query('update campaigns set status = $2, updated_at = now() where id = $1', [
      id,
      status,
    ]);
    const after = await readCampaign(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: `campaign.${status}`,
      entityType: 'campaign',
      entityId: id,
      outcome: 'ok',
      before: { status: before.status },
      after: { status },
      ip: actor.ip,
    });
    return after as TCampaignAdmin;
  });
}

export async function listCampaignsForAdmin(db: Queryable): Promise<TCampaignAdmin[]> {
  return selectCampaigns(db, 'order by c.created_at desc limit 200', []);
}

export { readCampaign as getCampaignForAdmin };
