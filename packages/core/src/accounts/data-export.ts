import type { Queryable } from '../db/pool.js';
import { AppError } from '../errors/app-error.js';

const list = (select: string) => `coalesce((${select}), '[]'::jsonb)`;

/**
 * Everything Playloop keeps about one player, as they may ask for it (GDPR arts. 15 and 20): the
 * profile, the sign-up signals the fraud rules use, invite codes, the friends they invited (by
 * display name, as the app shows them) and who invited them, the wallet with every ledger entry,
 * wheel spins, quiz results, reward orders and notifications. Never secrets: no password hash,
 * refresh or reset tokens, unrevealed wheel seeds or reward codes.
 */
export async function exportUserData(db: Queryable, userId: string): Promise<unknown> {
  const { rows } = await db.query<{ data: Record<string, unknown> | null }>(
    `select case when u.id is null then null else jsonb_build_object(
       'profile', jsonb_build_object('id', u.id, 'email', u.email, 'displayName', u.display_name,
         'role', u.role, 'locale', u.locale, 'signInWith', u.auth_provider,
         'emailVerifiedAt', u.email_verified_at, 'createdAt', u.created_at),
       'signupSignals', (select jsonb_build_object('canonicalEmail', s.email_canonical,
         'deviceId', s.device_id, 'ip', host(s.ip), 'userAgent', s.user_agent, 'recordedAt', s.created_at)
         from user_signals s where s.user_id = u.id),
       'inviteCodes', ${list(`select jsonb_agg(jsonb_build_object('code', c.code, 'campaign', cp.title,
         'createdAt', c.created_at) order by c.created_at)
         from referral_codes c join campaigns cp on cp.id = c.campaign_id where c.user_id = u.id`)},
       'friendsInvited', ${list(`select jsonb_agg(jsonb_build_object('friend', f.display_name,
         'campaign', cp.title, 'status', r.status, 'attributedAt', r.attributed_at,
         'qualifiedAt', r.qualified_at, 'rewardedAt', r.rewarded_at,
         'pointsEarned', r.referrer_points_awarded) order by r.attributed_at)
         from referrals r join users f on f.id = r.referee_id join campaigns cp on cp.id = r.campaign_id
         where r.referrer_id = u.id`)},
       'invitedBy', (select jsonb_build_object('referrer', f.display_name, 'campaign', cp.title,
         'status', r.status, 'attributedAt', r.attributed_at, 'pointsEarned', r.referee_points_awarded)
         from referrals r join users f on f.id = r.referrer_id join campaigns cp on cp.id = r.campaign_id
         where r.referee_id = u.id limit 1),
       'wallet', ${list(`select jsonb_agg(jsonb_build_object('asset', a.asset, 'bucket', a.bucket,
         'campaignId', a.campaign_id, 'balance', a.balance) order by a.created_at, a.id)
         from ledger_accounts a where a.user_id = u.id`)},
       'ledgerEntries', ${list(`select jsonb_agg(jsonb_build_object('at', e.created_at, 'kind', t.kind,
         'memo', t.memo, 'asset', a.asset, 'bucket', a.bucket, 'amount', e.amount) order by e.id)
         from ledger_entries e join ledger_accounts a on a.id = e.account_id
         join ledger_transactions t on t.id = e.transaction_id where a.user_id = u.id`)},
       'wheelSpins', ${list(`select jsonb_agg(jsonb_build_object('id', w.id, 'campaignId', w.campaign_id,
         'clientSeed', w.client_seed, 'nonce', w.nonce, 'prize', w.prize, 'at', w.created_at)
         order by w.created_at) from wheel_spins w where w.user_id = u.id`)},
       'quizShows', ${list(`select jsonb_agg(jsonb_build_object('sessionId', q.session_id, 'score', q.score,
         'rank', q.rank, 'correct', q.correct_count, 'answered', q.answered_count,
         'rewardPoints', q.reward_points, 'at', q.created_at) order by q.created_at)
         from quiz_results q where q.user_id = u.id`)},
       'soloQuizzes', ${list(`select jsonb_agg(jsonb_build_object('campaignId', q.campaign_id,
         'score', q.score, 'correct', q.correct_count, 'questions', q.question_count,
         'rewardPoints', q.reward_points, 'finishedAt', q.finished_at) order by q.finished_at)
         from quiz_solo_runs q where q.user_id = u.id`)},
       'rewardOrders', ${list(`select jsonb_agg(jsonb_build_object('id', p.id, 'title', p.title,
         'pointsCost', p.points_cost, 'amountCents', p.amount_cents, 'currency', p.currency,
         'status', p.status, 'createdAt', p.created_at, 'fulfilledAt', p.fulfilled_at)
         order by p.created_at) from payouts p where p.user_id = u.id`)},
       'notifications', ${list(`select jsonb_agg(jsonb_build_object('kind', n.kind, 'title', n.title,
         'body', n.body, 'createdAt', n.created_at, 'readAt', n.read_at) order by n.created_at)
         from notifications n where n.user_id = u.id`)}
     ) end as data
     from (select $1::text as id) me left join users u on u.id = me.id`,
    [userId],
  );
  const data = rows[0]?.data;
  if (!data) throw new AppError('NOT_FOUND');
  return { exportedAt: new Date().toISOString(), ...data };
}
