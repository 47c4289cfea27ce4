import { abVerdict, type TFunnel } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

/** The campaign funnel for a time range, computed from Postgres (the system of record). */
export async function computeFunnel(
  db: Queryable,
  campaignId: string,
  from: Date,
  to: Date,
): Promise<TFunnel> {
  const p = [campaignId, from, to];
  const [clicks, refs, cycle, issued, budget, top, variants] = await Promise.all([
    db.query(
      `select coalesce(sum(k.clicks), 0) as clicks, coalesce(sum(k.landing_views), 0) as views
       from referral_click_counts k join referral_codes rc on rc.code = k.code
       where rc.campaign_id = $1 and k.day between $2::date and $3::date`,
      p,
    ),
    db.query(
      `select count(*) filter (where attributed_at between $2 and $3) as signups,
              count(*) filter (where qualified_at between $2 and $3) as qualified,
              count(*) filter (where rewarded_at between $2 and $3) as rewarded,
              (select count(*) from referral_codes where campaign_id = $1) as sharers
       from referrals where campaign_id = $1`,
      p,
    ),
    db.query(
      `select percentile_cont(0.5) within group (order by extract(epoch from first_ref - u.created_at) / 3600) as hours
       from (select referrer_id, min(attributed_at) as first_ref from referrals where campaign_id = $1 and attributed_at between $2 and $3 group by referrer_id) f
       join users u on u.id = f.referrer_id`,
      p,
    ),
    db.query(
      `select coalesce(-sum(e.amount), 0) as issued from ledger_entries e join ledger_accounts a on a.id = e.account_id
       join ledger_transactions t on t.id = e.transaction_id
       where a.kind = 'campaign_budget' and a.campaign_id = $1 and e.amount < 0 and e.created_at between $2 and $3`,
      p,
    ),
    db.query(
      `select coalesce(sum(balance), 0) as balance from ledger_accounts where kind = 'campaign_budget' and campaign_id = $1`,
      [campaignId],
    ),
    db.query(
      `select u.display_name, count(*) as n from referrals r join users u on u.id = r.referrer_id
       where r.campaign_id = $1 and r.status = 'rewarded' and r.rewarded_at between $2 and $3
       group by u.id, u.display_name order by n desc, min(r.rewarded_at) limit 5`,
      p,
    ),
    db.query(
      `select v.name, count(x.visitor_id) as exposures, count(x.converted_at) as conversions
       from campaign_variants v left join variant_exposures x on x.variant_id = v.id and x.exposed_at between $2 and $3
       where v.campaign_id = $1 group by v.name order by v.name`,
      p,
    ),
  ]);
  const r = refs.rows[0];
  const signups = Number(r.signups);
  const sharers = Number(r.sharers);
  const variantRows = variants.rows.map((v) => ({
    name: v.name as string,
    exposures: Number(v.exposures),
    conversions: Number(v.conversions),
  }));
  return {
    campaignId,
    from: from.toISOString(),
    to: to.toISOString(),
    linkClicks: Number(clicks.rows[0].clicks),
    landingViews: Number(clicks.rows[0].views),
    signups,
    qualified: Number(r.qualified),
    rewarded: Number(r.rewarded),
    kFactor: sharers ? Math.round((signups / sharers) * 100) / 100 : 0,
    viralCycleHours:
      cycle.rows[0].hours === null ? null : Math.round(Number(cycle.rows[0].hours) * 10) / 10,
    pointsIssued: Number(issued.rows[0].issued),
    budgetRemaining: Number(budget.rows[0].balance),
    topReferrers: top.rows.map((t) => ({ displayName: t.display_name, rewarded: Number(t.n) })),
    variants: variantRows,
    abVerdict: abVerdict(variantRows),
  };
}
