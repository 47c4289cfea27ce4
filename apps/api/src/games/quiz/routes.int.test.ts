import { insertTestCampaign, insertTestUser } from '@playloop/core/testing';
import {
  newId,
  ZQuizBank,
  ZQuizResults,
  ZQuizSessionList,
  ZQuizSessionSummary,
} from '@playloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/harness.js';
import { staffSession } from '../../../test/staff.js';

describe('quiz REST: banks, scheduling, listing and results', () => {
  let api: TestApi;
  let campaignId: string;
  let marketing: Awaited<ReturnType<typeof staffSession>>;
  let player: Awaited<ReturnType<typeof staffSession>>;

  beforeAll(async () => {
    api = await startTestApi();
    campaignId = await insertTestCampaign(api.services.pool);
    marketing = await staffSession(api, 'marketing');
    player = await staffSession(api, 'player');
  });
  afterAll(async () => api?.stop());

  const question = (overrides: Record<string, unknown> = {}) => ({
    campaignId,
    text: 'Capital of Italy?',
    answers: ['Milan', 'Rome'],
    correctIndex: 1,
    ...overrides,
  });

  it('lets marketing add questions and schedule a show, which then lists without its questions', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await marketing.c.call('POST', '/api/admin/quiz/questions', {
        token: marketing.token,
        body: question(),
      });
      expect(res.status).toBe(201);
      ids.push((res.json as { id: string }).id);
    }
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await marketing.c.call('POST', '/api/admin/quiz/sessions', {
      token: marketing.token,
      body: { campaignId, startsAt, questionIds: ids },
    });
    expect(scheduled.status).toBe(201);
    const summary = ZQuizSessionSummary.parse(scheduled.json);
    expect(summary).toMatchObject({ status: 'scheduled', questionCount: 2, startsAt });

    const listed = await player.c.call('GET', `/api/quiz/sessions?campaignId=${campaignId}`);
    expect(listed.status).toBe(200);
    expect(ZQuizSessionList.parse(listed.json).sessions.map((s) => s.id)).toContain(summary.id);
    expect(JSON.stringify(listed.json)).not.toMatch(/correct|Rome/);
  });

  it('lists the bank to marketing on a later visit, newest first, never with the correct answer', async () => {
    const other = await insertTestCampaign(api.services.pool);
    const added: string[] = [];
    for (const text of ['Largest planet?', 'Smallest prime?']) {
      const res = await marketing.c.call('POST', '/api/admin/quiz/questions', {
        token: marketing.token,
        body: { campaignId: other, text, answers: ['Two', 'Jupiter', 'Mars'], correctIndex: 1 },
      });
      added.push((res.json as { id: string }).id);
    }
    await marketing.c.call('POST', '/api/admin/quiz/sessions', {
      token: marketing.token,
      body: {
        campaignId: other,
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        questionIds: [added[0]],
      },
    });

    const res = await marketing.c.call('GET', `/api/admin/quiz/questions?campaignId=${other}`, {
      token: marketing.token,
    });
    expect(res.status).toBe(200);
    const bank = ZQuizBank.parse(res.json);
    expect(bank.questions.map((q) => [q.id, q.text, q.sessionCount])).toEqual([
      [added[1], 'Smallest prime?', 0],
      [added[0], 'Largest planet?', 1],
    ]);
    expect(bank.questions[0]?.answers).toEqual(['Two', 'Jupiter', 'Mars']);
    expect(JSON.stringify(res.json)).not.toMatch(/correct/i);

    const asPlayer = await player.c.call('GET', `/api/admin/quiz/questions?campaignId=${other}`, {
      token: player.token,
    });
    expect(asPlayer.status).toBe(403);
    const anonymous = await player.c.call('GET', `/api/admin/quiz/questions?campaignId=${other}`);
    expect(anonymous.status).toBe(401);
    // Retired: gone from the bank and from new shows, kept for the show that already asks it.
    const retired = await marketing.c.call('DELETE', `/api/admin/quiz/questions/${added[0]}`, {
      token: marketing.token,
    });
    expect(retired.status).toBe(200);
    expect(retired.json).toEqual({ retired: true });
    const again = await marketing.c.call('DELETE', `/api/admin/quiz/questions/${added[0]}`, {
      token: marketing.token,
    });
    expect(again.json).toEqual({ retired: true });
    const after = ZQuizBank.parse(
      (
        await marketing.c.call('GET', `/api/admin/quiz/questions?campaignId=${other}`, {
          token: marketing.token,
        })
      ).json,
    );
    expect(after.questions.map((q) => q.id)).toEqual([added[1]]);
    const reuse = await marketing.c.call('POST', '/api/admin/quiz/sessions', {
      token: marketing.token,
      body: {
        campaignId: other,
        startsAt: new Date(Date.now() + 7_200_000).toISOString(),
        questionIds: [added[0]],
      },
    });
    expect(reuse.status).toBe(400);
    expect((reuse.json as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const { rows } = await api.services.pool.query(
      `select action from audit_log where entity_id = $1 order by id`,
      [added[0]],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'quiz.question.add',
      'quiz.question.retire',
      'quiz.question.retire',
    ]);
    for (const [who, path, code] of [
      [player, `/api/admin/quiz/questions/${added[1]}`, 403],
      [marketing, `/api/admin/quiz/questions/qzq_${'x'.repeat(20)}`, 404],
      [marketing, '/api/admin/quiz/questions/not-a-question', 400],
    ] as const) {
      const res = await who.c.call('DELETE', path, { token: who.token });
      expect(res.status, path).toBe(code);
    }

    const malformed = await marketing.c.call('GET', '/api/admin/quiz/questions?campaignId=nope', {
      token: marketing.token,
    });
    expect(malformed.status).toBe(400);
    expect((malformed.json as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses players, bad questions and foreign questions with stable codes', async () => {
    const asPlayer = await player.c.call('POST', '/api/admin/quiz/questions', {
      token: player.token,
      body: question(),
    });
    expect(asPlayer.status).toBe(403);
    expect((asPlayer.json as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    for (const bad of [
      { correctIndex: 2 },
      { answers: ['only one'] },
      { timeLimitSeconds: 3 },
      { answers: ['a', 'b', 'c', 'd', 'e'] },
    ]) {
      const res = await marketing.c.call('POST', '/api/admin/quiz/questions', {
        token: marketing.token,
        body: question(bad),
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((res.json as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    const other = await insertTestCampaign(api.services.pool);
    const foreign = await marketing.c.call('POST', '/api/admin/quiz/questions', {
      token: marketing.token,
      body: question({ campaignId: other }),
    });
    const res = await marketing.c.call('POST', '/api/admin/quiz/sessions', {
      token: marketing.token,
      body: {
        campaignId,
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        questionIds: [(foreign.json as { id: string }).id],
      },
    });
    expect(res.status).toBe(400);
    expect((res.json as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(
      'questionIds',
    );
  });

  it('shows final results: the top ten and your own line', async () => {
    const pool = api.services.pool;
    const { id: winner } = await insertTestUser(pool, { displayName: 'Winner' });
    const { rows } = await pool.query<{ id: string }>(
      `insert into quiz_sessions (id, campaign_id, starts_at, question_ids, status, ended_at, settled_at)
       values ($2, $1, now() - interval '1 hour', array['qzq_aaaaaaaaaaaaaaaaaaaa'], 'settled', now(), now()) returning id`,
      [campaignId, newId('qzs')],
    );
    const sessionId = rows[0]?.id as string;
    await pool.query(
      `insert into quiz_results (session_id, user_id, score, rank, correct_count, answered_count, reward_points, reward_status)
       values ($1, $2, 3200, 1, 2, 2, 0, 'none'), ($1, $3, 900, 2, 1, 2, 0, 'none')`,
      [sessionId, winner, player.session.user.id],
    );
    const res = await player.c.call('GET', `/api/quiz/sessions/${sessionId}/results`, {
      token: player.token,
    });
    expect(res.status).toBe(200);
    const results = ZQuizResults.parse(res.json);
    expect(results.top.map((r) => [r.displayName, r.rank])).toEqual([
      ['Winner', 1],
      [player.session.user.displayName, 2],
    ]);
    expect(results.you).toMatchObject({ score: 900, rank: 2 });
    expect((await player.c.call('GET', `/api/quiz/sessions/${sessionId}/results`)).status).toBe(
      401,
    );
    expect(
      (
        await player.c.call('GET', `/api/quiz/sessions/${newId('qzs')}/results`, {
          token: player.token,
        })
      ).status,
    ).toBe(404);
  });
});
