import type { Queryable } from '../db/pool.js';
import type { FraudFacts } from './fraud-rules.js';

/** Reads what the fraud rules need about a referral from the signals recorded at sign-up. */
export async function gatherFraudFacts(
  db: Queryable,
  r: { referralId: string | null; referrerId: string; refereeId: string; code: string },
  secondsToQualify: number | null = null,
): Promise<FraudFacts> {
  const { rows } = await db.query(
    `with me as (select * from user_signals where user_id = $2),
          them as (select * from user_signals where user_id = $1)
     select
       (select email_canonical from me) as referee_email,
       (select email_canonical from them) as referrer_email,
       coalesce((select me.device_id = them.device_id from me, them), false) as same_device,
       coalesce((select me.ip = them.ip and me.user_agent = them.user_agent from me, them), false) as same_ip_ua,
       (select count(*) from referrals r join user_signals s on s.user_id = r.referee_id, me
          where s.device_id = me.device_id and r.referee_id <> $2 and r.id is distinct from $4) as device_reuse,
       (select count(*) from referrals r join user_signals s on s.user_id = r.referee_id, me
          where r.referrer_id = $1 and r.referee_id <> $2 and s.ip = me.ip and s.user_agent = me.user_agent
            and r.attributed_at > now() - interval '24 hours') as cluster,
       (select count(*) from referrals where code = $3 and attributed_at > now() - interval '1 hour') as velocity`,
    [r.referrerId, r.refereeId, r.code, r.referralId],
  );
  const row = rows[0];
  const refereeEmail: string = row.referee_email ?? '';
  return {
    sameAccount: r.referrerId === r.refereeId,
    sameCanonicalEmail: Boolean(refereeEmail) && refereeEmail === row.referrer_email,
    refereeEmailDomain: refereeEmail.split('@')[1] ?? '',
    sameDeviceAsReferrer: Boolean(row.same_device),
    otherReferralsFromDevice: Number(row.device_reuse),
    ipUaClusterSize: Number(row.cluster),
    sameIpUaAsReferrer: Boolean(row.same_ip_ua),
    // The referral being scored is already counted when it exists.
    signupsPerCodeLastHour: Number(row.velocity) + (r.referralId ? 0 : 1),
    secondsToQualify,
  };
}
