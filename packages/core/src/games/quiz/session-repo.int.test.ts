import { newId } from '@playloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../db/pool.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { insertTestCampaign } from '../../testing/fixtures.js';
import {
  cancelMissedSessions,
  ensureScheduledSessions,
  listConductableSessionIds,
} from './session-repo.js';

describe('quiz schedules and the sessions pods conduct', () => {
  let db: TestDatabase;
  let pool: Pool;
  let campaignId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool({ connectionString: db.url, max: 6 });
    campaignId = await insertTestCampaign(pool);
    for (let i = 0; i < 4; i++) {
      await pool.query(
        `insert into quiz_questions (id, campaign_id, body, answers, correct_index) values ($1, $2, 'Q?', array['a', 'b'], 0)`,
        [newId('qzq'), campaignId],
      );
    }
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('gives a schedule exactly one upcoming session, however many pods ask at once', async () => {
    await pool.query(
      `insert into quiz_schedules (id, campaign_id, every_seconds, question_count, lobby_seconds) values ($1, $2, 120, 3, 30)`,
      [newId('qzc'), campaignId],
    );
    const created = await Promise.all(
      Array.from({ length: 5 }, () => ensureScheduledSessions(pool, () => newId('qzs'))),
    );
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
    const { rows } = await pool.query<{ starts_at: Date; question_ids: string[]; status: string }>(
      `select starts_at, question_ids, status from quiz_sessions where campaign_id = $1`,
      [campaignId],
    );
    expect(rows).toHaveLength(1);
    const session = rows[0] as { starts_at: Date; question_ids: string[]; status: string };
    expect(session.question_ids).toHaveLength(3);
    expect(new Set(session.question_ids).size).toBe(3);
    // Aligned to the schedule's period and at least one lobby ahead.
    expect((session.starts_at.getTime() / 1000) % 120).toBe(0);
    expect(session.starts_at.getTime()).toBeGreaterThan(Date.now() + 29_000);
    expect(await ensureScheduledSessions(pool, () => newId('qzs'))).toBe(0);
  });

  it('lists a session for conducting once its lobby opens, and cancels one nobody opened in time', async () => {
    const [soon, later, missed] = [newId('qzs'), newId('qzs'), newId('qzs')];
    const insert = (id: string, startsIn: string) =>
      pool.query(
        `insert into quiz_sessions (id, campaign_id, starts_at, question_ids, lobby_seconds) values ($1, $2, now() + $3::interval, array['qzq_x'], 60)`,
        [id, campaignId, startsIn],
      );
    await insert(soon, '30 seconds');
    await insert(later, '10 minutes');
    await insert(missed, '-10 minutes');
    expect(await cancelMissedSessions(pool)).toBe(1);
    const due = await listConductableSessionIds(pool);
    expect(due).toContain(soon);
    expect(due).not.toContain(later);
    expect(due).not.toContain(missed);
  });
});
