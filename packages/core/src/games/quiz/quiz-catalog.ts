import { newId, type TQuizResults, type TQuizSessionSummary } from '@playloop/shared';
import type { z } from 'zod';
import type { ZQuizScheduleBody } from '@playloop/shared';
import type { Queryable } from '../../db/pool.js';
import { AppError } from '../../errors/app-error.js';

interface SummaryRow {
  id: string;
  campaign_id: string;
  title: string;
  starts_at: Date;
  lobby_seconds: number;
  status: TQuizSessionSummary['status'];
  question_count: number;
  player_count: number | null;
}

const SUMMARY_COLUMNS = `id, campaign_id, title, starts_at, lobby_seconds, status, cardinality(question_ids) as question_count, player_count`;

function toSummary(r: SummaryRow): TQuizSessionSummary {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    lobbyOpensAt: new Date(r.starts_at.getTime() - r.lobby_seconds * 1000).toISOString(),
    status: r.status,
    questionCount: r.question_count,
    playerCount: r.player_count,
  };
}

/** Live and upcoming sessions of a campaign (soonest first), then the latest finished ones. */
export async function listQuizSessions(
  db: Queryable,
  campaignId: string,
): Promise<TQuizSessionSummary[]> {
  const { rows } = await db.query<SummaryRow>(
    `(select ${SUMMARY_COLUMNS} from quiz_sessions where campaign_id = $1 and status in ('scheduled', 'running')
      order by starts_at limit 5)
     union all
     (select ${SUMMARY_COLUMNS} from quiz_sessions where campaign_id = $1 and status in ('ended', 'settled')
      order by starts_at desc limit 5)`,
    [campaignId],
  );
  return rows.map(toSummary);
}

/** Final top ten of a finished session and the caller's own line. */
export async function readQuizResults(
  db: Queryable,
  sessionId: string,
  userId: string,
): Promise<TQuizResults> {
  const { rows } = await db.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS} from quiz_sessions where id = $1`,
    [sessionId],
  );
  const session = rows[0];
  if (!session) throw new AppError('NOT_FOUND');
  const { rows: results } = await db.query<{
    user_id: string;
    display_name: string;
    score: number;
    rank: number;
    correct_count: number;
    answered_count: number;
    reward_points: number;
  }>(
    `select r.user_id, u.display_name, r.score, r.rank, r.correct_count, r.answered_count, r.reward_points
     from quiz_results r join users u on u.id = r.user_id
     where r.session_id = $1 and (r.rank <= 10 or r.user_id = $2) order by r.rank, r.user_id limit 11`,
    [sessionId, userId],
  );
  const mine = results.find((r) => r.user_id === userId);
  return {
    session: toSummary(session),
    top: results
      .filter((r) => r.rank <= 10)
      .slice(0, 10)
      .map((r) => ({
        rank: r.rank,
        userId: r.user_id,
        displayName: r.display_name,
        score: r.score,
      })),
    you: mine
      ? {
          score: mine.score,
          rank: mine.rank,
          correctCount: mine.correct_count,
          answeredCount: mine.answered_count,
          rewardPoints: mine.reward_points,
        }
      : null,
  };
}

export async function scheduleQuizSession(
  db: Queryable,
  body: z.output<typeof ZQuizScheduleBody>,
): Promise<TQuizSessionSummary> {
  const { rows: found } = await db.query<{ n: string }>(
    `select count(*) as n from quiz_questions where campaign_id = $1 and id = any($2::text[]) and is_active`,
    [body.campaignId, body.questionIds],
  );
  if (Number(found[0]?.n ?? 0) !== new Set(body.questionIds).size) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          path: 'questionIds',
          message: 'every question must belong to the campaign and be active',
        },
      ],
    });
  }
  if (new Date(body.startsAt).getTime() < Date.now()) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'startsAt', message: 'must be in the future' }],
    });
  }
  const { rows } = await db.query<SummaryRow>(
    `insert into quiz_sessions (id, campaign_id, title, starts_at, question_ids, lobby_seconds, reveal_seconds, reward_rules)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${SUMMARY_COLUMNS}`,
    [
      newId('qzs'),
      body.campaignId,
      body.title,
      body.startsAt,
      body.questionIds,
      body.lobbySeconds,
      body.revealSeconds,
      JSON.stringify(body.rewardRules),
    ],
  );
  return toSummary(rows[0] as SummaryRow);
}
