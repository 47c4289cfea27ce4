import { newId, type TQuizBankQuestion } from '@playloop/shared';
import type { z } from 'zod';
import type { ZQuizQuestionBody, ZQuizQuestionEditBody } from '@playloop/shared';
import { withTransaction, type Pool, type Queryable } from '../../db/pool.js';
import { AppError } from '../../errors/app-error.js';

// A show's conductor reads its questions when the lobby opens; an edit may switch a scheduled show
// to a corrected question only while its lobby is at least this far off.
const LOBBY_MARGIN_SECONDS = 5;

/**
 * The active questions of a campaign's bank, newest first (at most 500), for the console to pick
 * from. The correct index is not read: it leaves the server only in a reveal.
 */
export async function listQuizBank(
  db: Queryable,
  campaignId: string,
): Promise<TQuizBankQuestion[]> {
  const { rows } = await db.query<{
    id: string;
    body: string;
    answers: string[];
    time_limit_seconds: number;
    image_url: string | null;
    session_count: string;
    created_at: Date;
  }>(
    `select q.id, q.body, q.answers, q.time_limit_seconds, q.image_url, q.created_at,
            (select count(*) from quiz_sessions s
             where s.campaign_id = q.campaign_id and q.id = any(s.question_ids) and s.status <> 'cancelled') as session_count
     from quiz_questions q where q.campaign_id = $1 and q.is_active
     order by q.created_at desc, q.id limit 500`,
    [campaignId],
  );
  return rows.map((r) => ({
    id: r.id,
    text: r.body,
    answers: r.answers,
    timeLimitSeconds: r.time_limit_seconds,
    imageUrl: r.image_url,
    sessionCount: Number(r.session_count),
    createdAt: r.created_at.toISOString(),
  }));
}

export async function createQuizQuestion(
  db: Queryable,
  body: z.output<typeof ZQuizQuestionBody>,
): Promise<{ id: string }> {
  const id = newId('qzq');
  const { rowCount } = await db.query(
    `insert into quiz_questions (id, campaign_id, body, answers, correct_index, time_limit_seconds, image_url)
     select $1, c.id, $3, $4, $5, $6, $7 from campaigns c where c.id = $2`,
    [
      id,
      body.campaignId,
      body.text,
      body.answers,
      body.correctIndex,
      body.timeLimitSeconds,
      body.imageUrl,
    ],
  );
  if (!rowCount) throw new AppError('NOT_FOUND', { message: 'There is no such campaign.' });
  return { id };
}

/**
 * Takes a question out of the bank for new shows (idempotent). It is kept, not deleted: finished
 * and scheduled shows still refer to it. Returns its campaign, for the audit.
 */
export async function retireQuizQuestion(
  db: Queryable,
  questionId: string,
): Promise<{ campaignId: string }> {
  const { rows } = await db.query<{ campaign_id: string }>(
    `update quiz_questions set is_active = false where id = $1 returning campaign_id`,
    [questionId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', { message: 'There is no such question.' });
  return { campaignId: rows[0].campaign_id };
}

type EditBody = z.output<typeof ZQuizQuestionEditBody>;

/**
 * Corrects a question. While no show has opened its lobby with it, the row is changed in place
 * (scheduled shows will ask the corrected text). Once one has, what was asked stays as it was:
 * the correction becomes a new question, the old one is retired, and shows whose lobby is still
 * ahead switch to the new one. One transaction, the question row locked: racing edits in place
 * land one after the other; of two racing edits of an asked question, the second finds it retired
 * (`CONFLICT`) instead of forking it twice.
 */
export async function editQuizQuestion(
  pool: Pool,
  questionId: string,
  body: EditBody,
): Promise<{ id: string; campaignId: string; replaced: boolean; showsUpdated: number }> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ campaign_id: string; is_active: boolean; asked: boolean }>(
      `select q.campaign_id, q.is_active,
              exists (select 1 from quiz_sessions s
                      where s.campaign_id = q.campaign_id and q.id = any(s.question_ids)
                        and s.status <> 'cancelled'
                        and (s.status <> 'scheduled'
                             or s.starts_at - make_interval(secs => s.lobby_seconds)
                                <= now() + make_interval(secs => $2))) as asked
       from quiz_questions q where q.id = $1 for update`,
      [questionId, LOBBY_MARGIN_SECONDS],
    );
    const row = rows[0];
    if (!row) throw new AppError('NOT_FOUND', { message: 'There is no such question.' });
    if (!row.is_active)
      throw new AppError('CONFLICT', {
        message: 'This question was retired; add a new one instead.',
      });
    const values = [
      body.text,
      body.answers,
      body.correctIndex,
      body.timeLimitSeconds,
      body.imageUrl,
    ];
    if (!row.asked) {
      await tx.query(
        `update quiz_questions set body = $2, answers = $3, correct_index = $4,
           time_limit_seconds = $5, image_url = $6 where id = $1`,
        [questionId, ...values],
      );
      return { id: questionId, campaignId: row.campaign_id, replaced: false, showsUpdated: 0 };
    }
    const { id } = await createQuizQuestion(tx, { campaignId: row.campaign_id, ...body });
    await tx.query('update quiz_questions set is_active = false where id = $1', [questionId]);
    const { rowCount } = await tx.query(
      `update quiz_sessions set question_ids = array_replace(question_ids, $1, $2)
       where campaign_id = $3 and status = 'scheduled' and $1 = any(question_ids)
         and starts_at - make_interval(secs => lobby_seconds) > now() + make_interval(secs => $4)`,
      [questionId, id, row.campaign_id, LOBBY_MARGIN_SECONDS],
    );
    return { id, campaignId: row.campaign_id, replaced: true, showsUpdated: rowCount ?? 0 };
  });
}
