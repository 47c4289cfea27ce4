import { insertTestCampaign } from '@playloop/core/testing';
import { ZQuizBank, ZQuizQuestionEdited } from '@playloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/harness.js';
import { staffSession } from '../../../test/staff.js';

describe('quiz REST: correcting a question of the bank', () => {
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

  const as = (who: typeof marketing) => ({
    call: (method: string, path: string, body?: unknown) =>
      who.c.call(method, path, { token: who.token, body }),
  });
  const corrected = {
    text: 'Capital of Italy (since 1871)?',
    answers: ['Milano', 'Roma', 'Torino'],
    correctIndex: 1,
    timeLimitSeconds: 20,
    imageUrl: null,
  };

  async function addQuestion(text = 'Captial of Itlay?') {
    const res = await as(marketing).call('POST', '/api/admin/quiz/questions', {
      campaignId,
      text,
      answers: ['Milan', 'Rome'],
      correctIndex: 0,
    });
    expect(res.status).toBe(201);
    return (res.json as { id: string }).id;
  }
  async function schedule(questionIds: string[], startsInMs = 3_600_000) {
    const res = await as(marketing).call('POST', '/api/admin/quiz/sessions', {
      campaignId,
      startsAt: new Date(Date.now() + startsInMs).toISOString(),
      questionIds,
      lobbySeconds: 60,
    });
    expect(res.status).toBe(201);
    return (res.json as { id: string }).id;
  }
  const questionIdsOf = async (sessionId: string) =>
    (
      await api.services.pool.query<{ question_ids: string[] }>(
        'select question_ids from quiz_sessions where id = $1',
        [sessionId],
      )
    ).rows[0]?.question_ids;
  const stored = async (questionId: string) =>
    (
      await api.services.pool.query<{ body: string; correct_index: number; is_active: boolean }>(
        'select body, correct_index, is_active from quiz_questions where id = $1',
        [questionId],
      )
    ).rows[0];
  const bank = async () =>
    ZQuizBank.parse(
      (await as(marketing).call('GET', `/api/admin/quiz/questions?campaignId=${campaignId}`)).json,
    ).questions;

  it('corrects in place while no show has opened its lobby with the question', async () => {
    const id = await addQuestion();
    const show = await schedule([id]);
    const res = await as(marketing).call('PUT', `/api/admin/quiz/questions/${id}`, corrected);
    expect(res.status).toBe(200);
    expect(ZQuizQuestionEdited.parse(res.json)).toEqual({ id, replaced: false, showsUpdated: 0 });

    expect(await stored(id)).toEqual({
      body: corrected.text,
      correct_index: 1,
      is_active: true,
    });
    const listed = (await bank()).find((q) => q.id === id);
    expect(listed).toMatchObject({
      text: corrected.text,
      answers: corrected.answers,
      timeLimitSeconds: 20,
      sessionCount: 1,
    });
    expect(await questionIdsOf(show)).toEqual([id]);
    const { rows } = await api.services.pool.query(
      `select action, after from audit_log where entity_id = $1 order by id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['quiz.question.add', 'quiz.question.edit']);
    expect(JSON.stringify(rows)).not.toMatch(/correct/i);
  });

  it('keeps what a show asked: the correction becomes a new question that waiting shows switch to', async () => {
    const id = await addQuestion('Largest planet? (typo)');
    const asked = await schedule([id]);
    const waiting = await schedule([id]);
    const imminent = await schedule([id]);
    // One show already played it; one opens its lobby in two seconds (its pod is loading it).
    await api.services.pool.query(
      `update quiz_sessions set status = 'settled', starts_at = now() - interval '1 hour' where id = $1`,
      [asked],
    );
    await api.services.pool.query(
      `update quiz_sessions set starts_at = now() + make_interval(secs => lobby_seconds + 2) where id = $1`,
      [imminent],
    );

    const res = await as(marketing).call('PUT', `/api/admin/quiz/questions/${id}`, corrected);
    expect(res.status).toBe(200);
    const edited = ZQuizQuestionEdited.parse(res.json);
    expect(edited).toMatchObject({ replaced: true, showsUpdated: 1 });
    expect(edited.id).not.toBe(id);

    expect(await stored(id)).toEqual({
      body: 'Largest planet? (typo)',
      correct_index: 0,
      is_active: false,
    });
    expect(await stored(edited.id)).toEqual({
      body: corrected.text,
      correct_index: 1,
      is_active: true,
    });
    expect(await questionIdsOf(asked)).toEqual([id]);
    expect(await questionIdsOf(imminent)).toEqual([id]);
    expect(await questionIdsOf(waiting)).toEqual([edited.id]);
    const ids = (await bank()).map((q) => q.id);
    expect(ids).toContain(edited.id);
    expect(ids).not.toContain(id);

    // Editing the retired original is refused; the new one can be corrected again.
    const stale = await as(marketing).call('PUT', `/api/admin/quiz/questions/${id}`, corrected);
    expect(stale.status).toBe(409);
    expect((stale.json as { error: { code: string } }).error.code).toBe('CONFLICT');
  });

  it('lets one of two racing edits of an asked question fork it, and refuses the other', async () => {
    const id = await addQuestion('Racing typo?');
    const played = await schedule([id]);
    await api.services.pool.query(`update quiz_sessions set status = 'running' where id = $1`, [
      played,
    ]);
    const count = async () =>
      (
        await api.services.pool.query<{ n: number }>(
          'select count(*)::int as n from quiz_questions where campaign_id = $1',
          [campaignId],
        )
      ).rows[0]?.n;
    const before = await count();
    const [a, b] = await Promise.all([
      as(marketing).call('PUT', `/api/admin/quiz/questions/${id}`, corrected),
      as(marketing).call('PUT', `/api/admin/quiz/questions/${id}`, {
        ...corrected,
        text: 'The other edit',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    // One fork, not two.
    expect(await count()).toBe((before ?? 0) + 1);
    expect((await stored(id))?.is_active).toBe(false);
  });

  it('refuses bad edits with stable codes and changes nothing', async () => {
    const id = await addQuestion('Untouched?');
    const cases: Array<[typeof marketing | null, string, unknown, number, string]> = [
      [marketing, id, { ...corrected, correctIndex: 3 }, 400, 'VALIDATION_FAILED'],
      [marketing, id, { ...corrected, answers: ['Only one'] }, 400, 'VALIDATION_FAILED'],
      [marketing, id, { ...corrected, campaignId }, 400, 'VALIDATION_FAILED'],
      [marketing, id, { ...corrected, imageUrl: 'javascript:alert(1)' }, 400, 'VALIDATION_FAILED'],
      [marketing, 'not-a-question', corrected, 400, 'VALIDATION_FAILED'],
      [marketing, `qzq_${'x'.repeat(20)}`, corrected, 404, 'NOT_FOUND'],
      [player, id, corrected, 403, 'FORBIDDEN'],
      [null, id, corrected, 401, 'AUTH_REQUIRED'],
    ];
    for (const [who, target, body, status, code] of cases) {
      const path = `/api/admin/quiz/questions/${target}`;
      const res = who
        ? await as(who).call('PUT', path, body)
        : await player.c.call('PUT', path, { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((res.json as { error: { code: string } }).error.code).toBe(code);
    }
    expect(await stored(id)).toEqual({ body: 'Untouched?', correct_index: 0, is_active: true });
  });
});
