import { expect, test, type Page } from '@playwright/test';
import type pg from 'pg';
import { openStackDatabase, signUp } from './support/console';
import {
  boardOn,
  withoutMark,
  DEMO_CAMPAIGN,
  prizeText,
  scheduleShow,
  SHOW_REWARDS,
  spinsOf,
  standingOn,
  startShowSoon,
  userIdOf,
  walletInDatabase,
  walletOnScreen,
} from './support/games';
import { newPerson } from './support/people';

/** The games' journey: two people play one live quiz show to the end, then spin the wheel. */
let db: pg.Pool;
test.beforeAll(() => {
  db = openStackDatabase();
});
test.afterAll(async () => {
  await db.end();
});

const LETTERS = ['A', 'B', 'C', 'D'];
const QUESTION_MS = 5_000;

interface Player {
  page: Page;
  name: string;
  userId: string;
  /** Alice answers right every time, Bruno wrong every time. */
  isRight: boolean;
}

test('two players play a live quiz show to the end and spin the wheel; both screens and both wallets agree with the database', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const show = await scheduleShow(request, db, { questionCount: 2, revealSeconds: 3 });
  const count = show.questions.length;
  const people = [newPerson('Alice'), newPerson('Bruno')] as const;
  // Two people, two browsers: separate cookies, storage and sockets.
  const contexts = await Promise.all(people.map(() => browser.newContext()));
  try {
    const players: Player[] = await Promise.all(
      people.map(async (person, i) => {
        const page = await (contexts[i] as (typeof contexts)[number]).newPage();
        await signUp(page, person);
        return {
          page,
          name: person.displayName,
          userId: await userIdOf(db, person.email),
          isRight: i === 0,
        };
      }),
    );
    const [alice, bruno] = players as [Player, Player];
    const both = (fn: (p: Player) => Promise<void>) => Promise.all(players.map(fn));

    // ── The lobby: both open the show and see each other counted.
    await startShowSoon(db, show.sessionId, { inSeconds: 10, questionMs: QUESTION_MS });
    await both(async ({ page }) => {
      await page.goto(`/quiz/${show.sessionId}`);
      await expect(page.getByRole('heading', { level: 1, name: show.title })).toBeVisible();
      await expect(page.getByText('The show starts soon')).toBeVisible();
      await expect(page.getByText(`${count} questions ·`)).toBeVisible();
      await expect(page.getByText('2 players in the lobby')).toBeVisible();
    });

    // ── Each question: both answer, then both reveals show the same top ten.
    let aliceScore = 0;
    for (const [q, question] of show.questions.entries()) {
      const right = question.correctIndex;
      const wrong = (right + 1) % question.answers.length;
      const label = (i: number) => `${LETTERS[i]}: ${question.answers[i]}`;

      await both(async ({ page, isRight }) => {
        await expect(page.getByText(`Question ${q + 1} of ${count}`)).toBeVisible({
          timeout: 20_000,
        });
        await expect(page.getByRole('heading', { level: 2, name: question.text })).toBeVisible();
        const pick = isRight ? right : wrong;
        await page
          .getByRole('group', { name: 'Answers' })
          .getByRole('button', { name: label(pick) })
          .click();
        await expect(page.getByRole('status').filter({ hasText: 'Answer locked in' })).toHaveText(
          `Answer locked in: ${label(pick)}. Wait for the reveal.`,
        );
        await expect(
          page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: label(pick) }),
        ).toHaveAttribute('aria-pressed', 'true');
      });

      await both(async ({ page, isRight }) => {
        const verdict = page.getByRole('status').filter({ hasText: 'Your score' });
        await expect(verdict).toContainText(
          isRight ? /Correct! \+[\d,]+ points\./ : `Not this time. The answer was ${label(right)}.`,
          { timeout: QUESTION_MS + 10_000 },
        );
        // How everyone answered: one on the right answer (marked), one on the wrong one.
        const distribution = page.locator('.quiz-distribution li');
        await expect(distribution).toHaveText(
          question.answers.map(
            (_, i) =>
              `${label(i)}${i === right ? ' ✓ correct answer' : ''}${i === right || i === wrong ? 1 : 0} picked`,
          ),
        );
      });
      const [a, b] = await Promise.all([standingOn(alice.page), standingOn(bruno.page)]);
      expect(a.score).toBeGreaterThan(aliceScore);
      const gained = a.score - aliceScore;
      await expect(alice.page.getByRole('status').filter({ hasText: 'Your score' })).toContainText(
        `Correct! +${gained.toLocaleString('en-US')} points.`,
      );
      aliceScore = a.score;
      expect(a.rank).toBe(1);
      expect(b).toEqual({ score: 0, rank: 2 });

      const expected = [
        { rank: '1', name: alice.name, score: a.score.toLocaleString('en-US') },
        { rank: '2', name: bruno.name, score: '0' },
      ];
      const [boardA, boardB] = await Promise.all([boardOn(alice.page), boardOn(bruno.page)]);
      expect(boardA.map(withoutMark)).toEqual(expected);
      expect(boardB.map(withoutMark)).toEqual(expected);
      // Each reader's own row is marked, and only theirs.
      expect(boardA.map((r) => r.isYou)).toEqual([true, false]);
      expect(boardB.map((r) => r.isYou)).toEqual([false, true]);
    }

    // ── The end: the same final standings on both screens, as Postgres recorded them.
    const expectedReward = (rank: number, correct: number) =>
      SHOW_REWARDS.participation +
      SHOW_REWARDS.perCorrect * correct +
      (SHOW_REWARDS.podium[rank - 1] ?? 0);
    await both(async ({ page }) => {
      await expect(page.getByRole('heading', { level: 2, name: 'Final results' })).toBeVisible({
        timeout: 15_000,
      });
    });
    const results = async () =>
      (
        await db.query<{
          user_id: string;
          display_name: string;
          score: number;
          rank: number;
          correct_count: number;
          reward_points: number;
          reward_status: string;
        }>(
          `select r.user_id, u.display_name, r.score, r.rank, r.correct_count, r.reward_points, r.reward_status
           from quiz_results r join users u on u.id = r.user_id where r.session_id = $1 order by r.rank`,
          [show.sessionId],
        )
      ).rows;
    await expect
      .poll(async () => (await results()).map((r) => r.reward_status), { timeout: 15_000 })
      .toEqual(['rewarded', 'rewarded']);
    const finals = await results();
    expect(finals.map((r) => [r.user_id, r.rank, r.correct_count])).toEqual([
      [alice.userId, 1, count],
      [bruno.userId, 2, 0],
    ]);
    expect(finals[0]?.score).toBe(aliceScore);
    expect(finals[1]?.score).toBe(0);
    expect(finals.map((r) => r.reward_points)).toEqual([
      expectedReward(1, count),
      expectedReward(2, 0),
    ]);
    const finalBoard = finals.map((r) => ({
      rank: String(r.rank),
      name: r.display_name,
      score: r.score.toLocaleString('en-US'),
    }));
    await both(async ({ page, userId }) => {
      const mine = finals.find((r) => r.user_id === userId);
      if (!mine) throw new Error('no result row for a player');
      const verdict = page.getByRole('status').filter({ hasText: 'You finished' });
      await expect(verdict).toContainText(
        `You finished #${mine.rank} with ${mine.score.toLocaleString('en-US')} points (${mine.correct_count} of ${count} right).`,
      );
      await expect(verdict).toContainText(
        `Reward: ${mine.reward_points.toLocaleString('en-US')} points, added to your wallet.`,
      );
      expect((await boardOn(page)).map(withoutMark)).toEqual(finalBoard);
    });

    // ── The wheel: each claims today's free spin and spins; the dialog says what Postgres recorded.
    await both(async ({ page, userId }) => {
      await page.goto(`/wheel/${DEMO_CAMPAIGN}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Wheel of fortune' })).toBeVisible();
      const spinHint = page.locator('#spin-hint');
      await expect(spinHint).toHaveText(
        'You have no spins. Claim your daily spin or invite friends to earn more.',
      );
      await page.getByRole('button', { name: /Claim today’s free spin/ }).click();
      await expect(page.getByRole('status').filter({ hasText: 'free spin' })).toHaveText(
        'Your free spin is in your wallet.',
      );
      await expect(spinHint).toHaveText('Spins available: 1');
      await page.getByRole('button', { name: 'Spin the wheel' }).click();

      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible({ timeout: 20_000 });
      const spins = await spinsOf(db, userId, DEMO_CAMPAIGN);
      expect(spins).toHaveLength(1);
      const spin = spins[0] as (typeof spins)[number];
      // What it shows and what a screen reader hears: its title and the prize, as recorded.
      await expect(dialog).toHaveAccessibleName(
        spin.prize.kind === 'none' ? 'Not this time' : 'You won!',
      );
      await expect(dialog).toHaveAccessibleDescription(prizeText(spin));
      await expect(dialog.getByText(prizeText(spin), { exact: true })).toBeVisible();
      if (spin.fallbackReason)
        await expect(dialog).toContainText(`The draw picked “${spin.labels[spin.drawnIndex]}”`);
      await expect(dialog.getByRole('link', { name: 'Verify this spin' })).toHaveAttribute(
        'href',
        `/verify/wheel/${spin.spinId}`,
      );
      await dialog.getByRole('button', { name: 'Continue' }).click();
      await expect(dialog).toBeHidden();
      await expect(
        page.getByRole('region', { name: 'Your spins' }).getByRole('listitem'),
      ).toHaveCount(1);
      await expect(
        page.getByRole('region', { name: 'Your spins' }).getByRole('listitem'),
      ).toContainText(prizeText(spin));
    });

    // ── The wallet: the quiz reward and the prize, exactly the ledger's entries for that player.
    await both(async ({ page, userId, isRight }) => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Wallet' })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: 'Wallet' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'History' })).toBeVisible();
      const inDb = await walletInDatabase(db, userId);
      await expect.poll(() => walletOnScreen(page)).toEqual(inDb);

      const reward = isRight ? expectedReward(1, count) : expectedReward(2, 0);
      expect(inDb.lines).toContain(`Quiz rewardQuiz reward: ${show.title} | +${reward} points`);
      expect(inDb.lines).toContain('Spin receivedDaily free spin | +1 spin');
      const spin = (await spinsOf(db, userId, DEMO_CAMPAIGN))[0];
      if (!spin) throw new Error('the spin is gone');
      const what = `Wheel spinWheel of fortune: ${spin.labels[spin.awardedIndex]}`;
      expect(inDb.lines).toContain(`${what} | −1 spin`);
      const prizePoints = spin.prize.kind === 'points' ? spin.prize.amount : 0;
      if (prizePoints > 0) expect(inDb.lines).toContain(`${what} | +${prizeText(spin)}`);
      if (spin.prize.kind === 'spins') expect(inDb.lines).toContain(`${what} | +1 spin`);
      expect(inDb.points).toBe((reward + prizePoints).toLocaleString('en-GB'));
      expect(inDb.spins).toBe(String(spin.prize.kind === 'spins' ? spin.prize.amount : 0));
    });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
