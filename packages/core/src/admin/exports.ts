import type { Queryable } from '../db/pool.js';

/** One CSV cell: quoted when needed, and spreadsheet formulas defused (CSV injection). */
export function csvCell(value: unknown): string {
  let s =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export async function exportReferralsCsv(
  db: Queryable,
  campaignId: string | null,
): Promise<string> {
  const { rows } = await db.query(
    `select r.id, r.campaign_id, rr.email as referrer_email, re.email as referee_email, r.status, r.status_reason, r.fraud_score,
            r.attributed_at, r.qualified_at, r.rewarded_at, r.referrer_points_awarded, r.referee_points_awarded
     from referrals r join users rr on rr.id = r.referrer_id join users re on re.id = r.referee_id
     where $1::text is null or r.campaign_id = $1 order by r.attributed_at limit 100000`,
    [campaignId],
  );
  return toCsv(
    [
      'referral_id',
      'campaign_id',
      'referrer_email',
      'referee_email',
      'status',
      'reason',
      'fraud_score',
      'attributed_at',
      'qualified_at',
      'rewarded_at',
      'referrer_points',
      'referee_points',
    ],
    rows.map((r) => [
      r.id,
      r.campaign_id,
      r.referrer_email,
      r.referee_email,
      r.status,
      r.status_reason,
      r.fraud_score,
      r.attributed_at,
      r.qualified_at,
      r.rewarded_at,
      r.referrer_points_awarded,
      r.referee_points_awarded,
    ]),
  );
}

export async function exportRewardsCsv(db: Queryable, campaignId: string | null): Promise<string> {
  const { rows } = await db.query(
    `select t.id, t.kind, t.campaign_id, u.email, a.asset, a.bucket, e.amount, e.created_at
     from ledger_entries e join ledger_accounts a on a.id = e.account_id join ledger_transactions t on t.id = e.transaction_id
     join users u on u.id = a.user_id
     where a.kind = 'player' and e.amount > 0 and ($1::text is null or t.campaign_id = $1) order by e.id limit 100000`,
    [campaignId],
  );
  return toCsv(
    ['transaction_id', 'kind', 'campaign_id', 'email', 'asset', 'bucket', 'amount', 'created_at'],
    rows.map((r) => [
      r.id,
      r.kind,
      r.campaign_id,
      r.email,
      r.asset,
      r.bucket,
      r.amount,
      r.created_at,
    ]),
  );
}
