import type { TQuizSoloFinal } from '@playloop/shared';
import { withTransaction, type Pool } from '../../db/pool.js';
import { AppError } from '../../errors/app-error.js';
import { campaignBudgetAccount, playerAccount } from '../../ledger/accounts.js';
import { postTransaction } from '../../ledger/post-transaction.js';

export interface FinishedSoloRun {
  runId: string;
  userId: string;
  campaignId: string;
  score: number;
  correctCount: number;
  questionCount: number;
  flagged: number;
}

/**
 * Records a finished practice run and pays its reward under the campaign's daily cap (UTC day).
 * The cap is counted under a lock per player and campaign, so two runs finishing together cannot
 * both fill it; the payment's idempotency key is the run id.
 */
export async function finishSoloRun(
  ctx: { pool: Pool; onFirstGame?(userIds: string[]): Promise<void> },
  run: FinishedSoloRun,
): Promise<TQuizSoloFinal> {
  const outcome = await withTransaction(ctx.pool, async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [
      `quiz-solo-cap:${run.campaignId}:${run.userId}`,
    ]);
    const { rows } = await tx.query<{
      per_correct: number;
      cap: number;
      today: string;
      played_before: boolean;
    }>(
      `select c.quiz_solo_points_per_correct as per_correct, c.quiz_solo_daily_points_cap as cap,
              (select coalesce(sum(r.reward_points), 0) from quiz_solo_runs r
               where r.user_id = $2 and r.campaign_id = c.id
                 and r.finished_at >= (date_trunc('day', now() at time zone 'utc') at time zone 'utc')) as today,
              (exists (select 1 from quiz_solo_runs r where r.user_id = $2)
               or exists (select 1 from quiz_results q where q.user_id = $2 and q.answered_count > 0)) as played_before
       from campaigns c where c.id = $1`,
      [run.campaignId, run.userId],
    );
    const rules = rows[0];
    if (!rules) throw new AppError('NOT_FOUND');
    const earned = rules.per_correct * run.correctCount;
    let reward = Math.max(0, Math.min(earned, rules.cap - Number(rules.today)));
    let transactionId: string | null = null;
    if (reward > 0) {
      try {
        ({ transactionId } = await postTransaction(tx, {
          idempotencyKey: `quiz-solo:${run.runId}`,
          kind: 'quiz_reward',
          campaignId: run.campaignId,
          memo: { soloRunId: run.runId, description: 'Quiz practice reward' },
          legs: [
            { accountId: await campaignBudgetAccount(tx, run.campaignId), amount: -reward },
            { accountId: await playerAccount(tx, run.userId, 'points'), amount: reward },
          ],
        }));
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'INSUFFICIENT_FUNDS')) throw err;
        reward = 0;
      }
    }
    const inserted = await tx.query(
      `insert into quiz_solo_runs (id, campaign_id, user_id, score, question_count, correct_count, flagged_answers, reward_points, is_capped, reward_transaction_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing`,
      [
        run.runId,
        run.campaignId,
        run.userId,
        run.score,
        run.questionCount,
        run.correctCount,
        run.flagged,
        reward,
        reward < earned,
        transactionId,
      ],
    );
    return {
      reward,
      isCapped: reward < earned,
      isFirstGame: !rules.played_before && (inserted.rowCount ?? 0) > 0,
    };
  });
  if (outcome.isFirstGame && ctx.onFirstGame) await ctx.onFirstGame([run.userId]);
  return {
    score: run.score,
    correctCount: run.correctCount,
    questionCount: run.questionCount,
    rewardPoints: outcome.reward,
    isCapped: outcome.isCapped,
  };
}
