import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';
import { withTransaction, type Pool } from '../../db/pool.js';
import { campaignBudgetAccount, playerAccount } from '../../ledger/accounts.js';
import { postTransaction } from '../../ledger/post-transaction.js';
import type { Logger } from '../../logging/logger.js';
import type { QuizKeys } from './keys.js';
import type { QuizSessionRecord } from './session-repo.js';
import { toFinalResult, type Standing } from './standings.js';

export interface SettleDeps {
  pool: Pool;
  redis: Redis;
  keys: QuizKeys;
  logger: Logger;
  /** Called with players who just finished their first game (referral qualification). */
  onFirstGame?(userIds: string[]): Promise<void>;
  /** Called with players paid by this settlement, after the payments committed (wallet push). */
  onRewarded?(userIds: string[]): Promise<void>;
  /** Redis keys of a settled session expire after this long. */
  retainSeconds?: number;
}

/**
 * Writes each player's final standing and pays rewards from the campaign budget, once: result
 * rows are inserted with `on conflict do nothing`, each payment carries the idempotency key
 * `quiz-reward:<session>:<user>`, so a conductor that dies halfway and one that takes over
 * finish the job between them without paying anyone twice.
 */
export async function settleQuizSession(
  deps: SettleDeps,
  session: QuizSessionRecord,
  lastQ: number,
): Promise<void> {
  const { pool, redis, keys } = deps;
  const raw = lastQ >= 0 ? await redis.hgetall(keys.standings(session.id, lastQ)) : {};
  const finals = Object.entries(raw).map(([userId, json]) => ({
    userId,
    ...toFinalResult(JSON.parse(json) as Standing, session.rewardRules),
    fl: (JSON.parse(json) as Standing).fl,
  }));

  if (finals.length) {
    await pool.query(
      `insert into quiz_results (session_id, user_id, score, rank, correct_count, answered_count, flagged_answers, reward_points, reward_status)
       select $1, u, s, r, c, a, f, p, case when p > 0 then 'pending' else 'none' end
       from unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[]) as t(u, s, r, c, a, f, p)
       on conflict (session_id, user_id) do nothing`,
      [
        session.id,
        finals.map((f) => f.userId),
        finals.map((f) => f.score),
        finals.map((f) => f.rank),
        finals.map((f) => f.correctCount),
        finals.map((f) => f.answeredCount),
        finals.map((f) => f.fl),
        finals.map((f) => f.rewardPoints),
      ],
    );
  }

  const { rows: pending } = await pool.query<{ user_id: string; reward_points: number }>(
    `select user_id, reward_points from quiz_results where session_id = $1 and reward_status = 'pending' order by user_id`,
    [session.id],
  );
  let budgetAccount: number | null = null;
  const rewarded: string[] = [];
  for (const row of pending) {
    await withTransaction(pool, async (tx) => {
      budgetAccount ??= await campaignBudgetAccount(tx, session.campaignId);
      try {
        const { transactionId } = await postTransaction(tx, {
          idempotencyKey: `quiz-reward:${session.id}:${row.user_id}`,
          kind: 'quiz_reward',
          campaignId: session.campaignId,
          memo: { sessionId: session.id, description: `Quiz reward: ${session.title}` },
          legs: [
            { accountId: budgetAccount, amount: -row.reward_points },
            {
              accountId: await playerAccount(tx, row.user_id, 'points'),
              amount: row.reward_points,
            },
          ],
        });
        await tx.query(
          `update quiz_results set reward_status = 'rewarded', reward_transaction_id = $3 where session_id = $1 and user_id = $2`,
          [session.id, row.user_id, transactionId],
        );
        rewarded.push(row.user_id);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'INSUFFICIENT_FUNDS')) throw err;
        await tx.query(
          `update quiz_results set reward_status = 'budget_exhausted' where session_id = $1 and user_id = $2`,
          [session.id, row.user_id],
        );
      }
    });
  }

  if (rewarded.length && deps.onRewarded) {
    // A push that fails must not undo or repeat a payment: the wallet page reads the truth on load.
    await deps
      .onRewarded(rewarded)
      .catch((err: unknown) =>
        deps.logger.warn({ err, sessionId: session.id }, 'quiz reward wallet push failed'),
      );
  }

  const { rows: firsts } = await pool.query<{ user_id: string }>(
    `select r.user_id from quiz_results r
     where r.session_id = $1 and r.answered_count > 0
       and exists (select 1 from referrals f where f.referee_id = r.user_id and f.qualified_at is null)
       and not exists (select 1 from quiz_results o where o.user_id = r.user_id and o.session_id <> $1 and o.answered_count > 0)
       and not exists (select 1 from quiz_solo_runs s where s.user_id = r.user_id)`,
    [session.id],
  );
  if (firsts.length && deps.onFirstGame) await deps.onFirstGame(firsts.map((r) => r.user_id));

  await pool.query(
    `update quiz_sessions set status = 'settled', settled_at = now() where id = $1 and status = 'ended'`,
    [session.id],
  );
  const retain = deps.retainSeconds ?? 6 * 3600;
  const sessionKeys = [
    keys.state(session.id),
    keys.roster(session.id),
    keys.names(session.id),
    keys.totals(session.id),
  ];
  for (let q = 0; q <= lastQ; q++)
    sessionKeys.push(keys.answers(session.id, q), keys.standings(session.id, q));
  const expire = redis.multi();
  for (const key of sessionKeys) expire.expire(key, retain);
  await expire.exec();
  deps.logger.info(
    { sessionId: session.id, players: finals.length, paid: pending.length },
    'quiz session settled',
  );
}
