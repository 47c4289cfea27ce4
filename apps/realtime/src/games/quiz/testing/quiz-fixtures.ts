import { issueAccessToken, type Pool } from '@playloop/core';
import { newId, type TQuizRewardRules } from '@playloop/shared';
import { TEST_JWT_SECRET } from '../../../../test/env.js';

export interface QuestionSpec {
  text?: string;
  answers?: string[];
  correctIndex: number;
}

/** Questions in a campaign's bank; returns their ids in order. */
export async function insertQuestions(
  pool: Pool,
  campaignId: string,
  specs: QuestionSpec[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const id = newId('qzq');
    await pool.query(
      `insert into quiz_questions (id, campaign_id, body, answers, correct_index, time_limit_seconds) values ($1, $2, $3, $4, $5, 5)`,
      [
        id,
        campaignId,
        spec.text ?? `Question ${i + 1}?`,
        spec.answers ?? ['Alpha', 'Bravo', 'Charlie', 'Delta'],
        spec.correctIndex,
      ],
    );
    ids.push(id);
  }
  return ids;
}

export interface SessionSpec {
  campaignId: string;
  questionIds: string[];
  /** Starts this many ms from now (the lobby is open at once: lobby ≥ 5 s). */
  startsInMs: number;
  timeLimitMs: number;
  revealSeconds?: number;
  rewardRules?: TQuizRewardRules;
}

export async function insertSession(pool: Pool, spec: SessionSpec): Promise<string> {
  const id = newId('qzs');
  await pool.query(
    `insert into quiz_sessions (id, campaign_id, title, starts_at, question_ids, lobby_seconds, reveal_seconds, time_limit_override_ms, reward_rules)
     values ($1, $2, 'Test show', now() + make_interval(secs => $3::double precision / 1000), $4, 60, $5, $6, $7)`,
    [
      id,
      spec.campaignId,
      spec.startsInMs,
      spec.questionIds,
      spec.revealSeconds ?? 1,
      spec.timeLimitMs,
      JSON.stringify(
        spec.rewardRules ?? { participation: 10, perCorrect: 20, podium: [300, 200, 100] },
      ),
    ],
  );
  return id;
}

export function tokenFor(userId: string): string {
  return issueAccessToken(
    { secret: TEST_JWT_SECRET, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 },
    { id: userId, role: 'player' },
  ).token;
}
