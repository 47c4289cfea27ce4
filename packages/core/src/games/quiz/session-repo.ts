import { ZQuizRewardRules, type TQuizQuestion, type TQuizRewardRules } from '@playloop/shared';
import { withTransaction, type Pool, type Queryable } from '../../db/pool.js';

/** A session as the conductor needs it. */
export interface QuizSessionRecord {
  id: string;
  campaignId: string;
  title: string;
  startsAt: number;
  questionIds: string[];
  lobbySeconds: number;
  revealSeconds: number;
  timeLimitOverrideMs: number | null;
  rewardRules: TQuizRewardRules;
  status: 'scheduled' | 'running' | 'ended' | 'settled' | 'cancelled';
}

/** A question with its answer: server-only, never serialised to a client. */
export interface QuizQuestionRecord {
  id: string;
  text: string;
  answers: string[];
  correctIndex: number;
  timeLimitMs: number;
  imageUrl: string | null;
}

interface SessionRow {
  id: string;
  campaign_id: string;
  title: string;
  starts_at: Date;
  question_ids: string[];
  lobby_seconds: number;
  reveal_seconds: number;
  time_limit_override_ms: number | null;
  reward_rules: unknown;
  status: QuizSessionRecord['status'];
}

export async function loadQuizSession(
  db: Queryable,
  sessionId: string,
): Promise<QuizSessionRecord | null> {
  const { rows } = await db.query<SessionRow>(
    `select id, campaign_id, title, starts_at, question_ids, lobby_seconds, reveal_seconds, time_limit_override_ms, reward_rules, status
     from quiz_sessions where id = $1`,
    [sessionId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    title: r.title,
    startsAt: r.starts_at.getTime(),
    questionIds: r.question_ids,
    lobbySeconds: r.lobby_seconds,
    revealSeconds: r.reveal_seconds,
    timeLimitOverrideMs: r.time_limit_override_ms,
    // Rules were validated when scheduled; a hand-edited row falls back to paying nothing extra.
    rewardRules: ZQuizRewardRules.catch({ participation: 0, perCorrect: 0, podium: [] }).parse(
      r.reward_rules,
    ),
    status: r.status,
  };
}

/** Questions in the order given; a missing id (deleted since scheduling) is an error worth seeing. */
export async function loadQuizQuestions(
  db: Queryable,
  ids: string[],
  overrideMs: number | null = null,
): Promise<QuizQuestionRecord[]> {
  const { rows } = await db.query<{
    id: string;
    body: string;
    answers: string[];
    correct_index: number;
    time_limit_seconds: number;
    image_url: string | null;
  }>(
    `select id, body, answers, correct_index, time_limit_seconds, image_url from quiz_questions where id = any($1::text[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`quiz question ${id} no longer exists`);
    return {
      id: r.id,
      text: r.body,
      answers: r.answers,
      correctIndex: r.correct_index,
      timeLimitMs: overrideMs ?? r.time_limit_seconds * 1000,
      imageUrl: r.image_url,
    };
  });
}

/** What players may see of a question: everything but the answer. */
export function publicQuestion(q: QuizQuestionRecord, index: number, count: number): TQuizQuestion {
  return {
    index,
    count,
    text: q.text,
    answers: q.answers,
    imageUrl: q.imageUrl,
    timeLimitMs: q.timeLimitMs,
  };
}

/** Sessions whose lobby is open, that run, or that ended without being settled: a pod should conduct them. */
export async function listConductableSessionIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from quiz_sessions
     where status in ('scheduled', 'running', 'ended') and starts_at - make_interval(secs => lobby_seconds) <= now()
     order by starts_at limit 200`,
  );
  return rows.map((r) => r.id);
}

/** A scheduled session nobody opened long after it should have started (every pod was down) will not start late. */
export async function cancelMissedSessions(db: Queryable, graceSeconds = 120): Promise<number> {
  const { rowCount } = await db.query(
    `update quiz_sessions set status = 'cancelled' where status = 'scheduled' and starts_at < now() - make_interval(secs => $1)`,
    [graceSeconds],
  );
  return rowCount ?? 0;
}

/**
 * Gives every active schedule its next session (aligned to `every_seconds`, at least one lobby
 * ahead) when it has none waiting. Pods race harmlessly: a lock per schedule makes the check and
 * the insert one step, and the slot's unique index backs it up.
 */
export async function ensureScheduledSessions(
  pool: Pool,
  newSessionId: () => string,
): Promise<number> {
  const { rows: schedules } = await pool.query<{ id: string }>(
    `select s.id from quiz_schedules s join campaigns c on c.id = s.campaign_id
     where s.is_active and c.status = 'active'
       and not exists (select 1 from quiz_sessions q where q.schedule_id = s.id and q.status in ('scheduled', 'running'))`,
  );
  let created = 0;
  for (const s of schedules) {
    created += await withTransaction(pool, async (tx) => {
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`quiz-schedule:${s.id}`]);
      const { rowCount } = await tx.query(
        `insert into quiz_sessions (id, campaign_id, schedule_id, title, starts_at, question_ids, lobby_seconds, reveal_seconds, time_limit_override_ms, reward_rules)
         select $2, s.campaign_id, s.id, s.title,
                to_timestamp(ceil((extract(epoch from now()) + s.lobby_seconds) / s.every_seconds) * s.every_seconds),
                qs.ids, s.lobby_seconds, s.reveal_seconds, s.time_limit_override_ms, s.reward_rules
         from quiz_schedules s,
              lateral (select array(select id from quiz_questions where campaign_id = s.campaign_id and is_active
                                    order by random() limit s.question_count) as ids) qs
         where s.id = $1 and cardinality(qs.ids) > 0
           and not exists (select 1 from quiz_sessions q where q.schedule_id = s.id and q.status in ('scheduled', 'running'))
         on conflict do nothing`,
        [s.id, newSessionId()],
      );
      return rowCount ?? 0;
    });
  }
  return created;
}

export async function markQuizSessionRunning(db: Queryable, sessionId: string): Promise<void> {
  await db.query(
    `update quiz_sessions set status = 'running' where id = $1 and status = 'scheduled'`,
    [sessionId],
  );
}

export async function markQuizSessionEnded(
  db: Queryable,
  sessionId: string,
  playerCount: number,
): Promise<void> {
  await db.query(
    `update quiz_sessions set status = 'ended', ended_at = coalesce(ended_at, now()), player_count = $2
     where id = $1 and status in ('scheduled', 'running')`,
    [sessionId, playerCount],
  );
}
