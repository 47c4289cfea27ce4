import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type pg from 'pg';
import {
  apiPlayer,
  apiStaff,
  funnelInDatabase,
  funnelOnScreen,
  localInput,
  openStackDatabase,
  signInAsStaff,
  signUp,
} from './support/console';
import { newPerson } from './support/people';

/** The console's journeys: who may open what, campaign building, the live funnel, fraud review, roles. */
let db: pg.Pool;
test.beforeAll(() => {
  db = openStackDatabase();
});
test.afterAll(async () => {
  // The stack's database is shared by every spec: end the campaigns made here, so the players of
  // later specs meet the demo campaign as the only running one, whatever order the specs run in.
  await db.query(
    `update campaigns set status = 'ended' where id <> 'cmp_demo0000000000000000' and status <> 'ended'`,
  );
  await db.end();
});

test('a player who opens the console is told plainly that it is not for them', async ({ page }) => {
  await signUp(page, newPerson('Pia'));
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Your account is a player account');
  await expect(page.getByRole('navigation', { name: 'Console' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
});

test('an end date before the start and a negative budget are refused next to those fields', async ({
  page,
}) => {
  await signInAsStaff(page, db, 'marketing');
  await page.goto('/admin/campaigns/new');
  await page.getByLabel('Title', { exact: true }).fill('Backwards campaign');
  await page.getByLabel('Slug').fill(`backwards-${Date.now()}`);
  await page.getByLabel('Start date').fill('2030-01-02T10:00');
  await page.getByLabel('End date').fill('2030-01-01T10:00');
  await page.getByLabel('Budget (points)', { exact: true }).fill('-5');
  await page.getByRole('button', { name: 'Create campaign' }).click();

  await expect(
    page.getByRole('alert').filter({ hasText: 'Please correct the 2 marked field(s).' }),
  ).toBeVisible();
  const endsAt = page.getByLabel('End date');
  await expect(endsAt).toHaveAttribute('aria-invalid', 'true');
  await expect(endsAt).toBeFocused();
  await expect(endsAt).toHaveAccessibleDescription(/must be after the start date/);
  const budget = page.getByLabel('Budget (points)', { exact: true });
  await expect(budget).toHaveAttribute('aria-invalid', 'true');
  await expect(budget).toHaveAccessibleDescription(/must not be negative/);
  await expect(page.getByLabel('Start date')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/admin\/campaigns\/new$/);

  // Fixed, it saves, and the marks go away.
  await endsAt.fill('2030-02-01T10:00');
  await budget.fill('5000');
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Campaign created as a draft' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/campaigns\/cmp_[0-9A-Za-z]{20}$/);
  await expect(page.getByLabel('End date')).not.toHaveAttribute('aria-invalid', 'true');
});

test('marketing builds and publishes a campaign with a wheel and a quiz, a friend joins and plays, and the live funnel matches the database', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Spring loop ${stamp}`;
  const landingTitle = `Spin into spring ${stamp}`;

  // ── Marketing: the console shows campaigns and the dashboard, not the admin-only sections.
  await signInAsStaff(page, db, 'marketing');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/campaigns$/);
  const consoleNav = page.getByRole('navigation', { name: 'Console' });
  await expect(consoleNav.getByRole('link')).toHaveText(['Campaigns', 'Live dashboard']);

  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Slug').fill(`spring-${stamp}`);
  await page.getByLabel('Start date').fill(localInput(-3_600_000));
  await page.getByLabel('End date').fill(localInput(30 * 86_400_000));
  await page.getByLabel('Inviter reward (points)').fill('100');
  await page.getByLabel('Friend reward (points)').fill('50');
  await page.getByLabel('Hold before paying (hours)').fill('0');
  await page.getByLabel('Budget (points)', { exact: true }).fill('20000');
  await page.getByLabel('Landing title', { exact: true }).fill(landingTitle);
  await page.getByLabel('Landing text').fill('Join, spin the wheel and play the live quiz.');
  await page.getByLabel('Share text').fill('Come play with me!');
  // The preview follows the form as it is typed.
  const preview = page.getByTestId('landing-preview');
  await expect(preview).toContainText(landingTitle);
  await expect(preview).toContainText('You get 50 points when you join; Alex gets 100.');

  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Campaign created as a draft' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/campaigns\/cmp_[0-9A-Za-z]{20}$/);
  const campaignId = new URL(page.url()).pathname.split('/').pop() as string;
  const sections = page.getByRole('navigation', { name: 'Campaign sections' });

  // ── The wheel: an inconsistent one is refused on the segment at fault, then published.
  await sections.getByRole('link', { name: 'Wheel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wheel of fortune' })).toBeVisible();
  await page.getByRole('group', { name: 'Segment 1' }).getByLabel('Fallback segment').check();
  await page.getByRole('button', { name: 'Publish wheel' }).click();
  const refused = page.getByRole('group', { name: 'Segment 1' }).getByLabel('Fallback segment');
  await expect(refused).toHaveAccessibleDescription(
    /the fallback segment must pay nothing and have unlimited stock/,
  );
  await expect(refused).toBeFocused();
  await page.getByRole('group', { name: 'Segment 4' }).getByLabel('Fallback segment').check();
  await page.getByRole('button', { name: 'Publish wheel' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Wheel version 1 is live.' }),
  ).toBeVisible();

  // ── The quiz: two questions into the bank, then a show scheduled from them.
  await sections.getByRole('link', { name: 'Quiz' }).click();
  const questionForm = page.getByRole('form', { name: 'Add a question to the bank' });
  for (const [text, right] of [
    ['Which planet is red?', 'Mars'],
    ['How many legs has a spider?', '8'],
  ] as const) {
    await questionForm.getByLabel('Question').fill(text);
    await questionForm.getByLabel('Answer 1').fill('Venus');
    await questionForm.getByLabel('Answer 2').fill(right);
    await questionForm.getByLabel('Correct').nth(1).check();
    await questionForm.getByRole('button', { name: 'Add question' }).click();
    await expect(questionForm.getByRole('status')).toHaveText('Question added to the bank.');
    await expect(questionForm.getByLabel('Question')).toHaveValue('');
  }
  const scheduleForm = page.getByRole('form', { name: 'Schedule a live show' });
  await scheduleForm.getByLabel('Which planet is red?').check();
  await scheduleForm.getByLabel('How many legs has a spider?').check();
  await scheduleForm.getByRole('button', { name: 'Schedule show' }).click();
  await expect(scheduleForm.getByRole('status')).toHaveText('Show scheduled.');
  await expect(
    page.getByRole('region', { name: 'Shows' }).getByRole('row', { name: /Live quiz/ }),
  ).toContainText('2');
  // A later visit still offers the bank's questions for the next show, never their answers.
  await page.reload();
  await expect(scheduleForm.getByLabel(/Which planet is red\? · in 1 show/)).toBeVisible();
  await expect(scheduleForm.getByLabel(/How many legs has a spider\? · in 1 show/)).toBeVisible();
  await expect(scheduleForm).not.toContainText('Mars');
  // Retiring a question takes it out of the choices for new shows.
  const bankList = page.getByRole('region', { name: 'Question bank' });
  await expect(bankList.getByRole('row', { name: /Which planet is red\?/ })).toContainText(
    'Venus · Mars',
  );
  page.once('dialog', (dialog) => void dialog.accept());
  await bankList.getByRole('button', { name: 'Retire “How many legs has a spider?”' }).click();
  await expect(bankList.getByRole('row', { name: /spider/ })).toHaveCount(0);
  await expect(scheduleForm.getByLabel(/How many legs has a spider\?/)).toHaveCount(0);
  await expect(scheduleForm.getByLabel(/Which planet is red\?/)).toBeVisible();
  // Correcting a question: the form comes back filled in, except the answer the browser never had.
  await bankList.getByRole('button', { name: 'Edit “Which planet is red?”' }).click();
  const editForm = page.getByRole('form', { name: 'Correct a question' });
  await expect(editForm.getByRole('heading', { name: 'Correct a question' })).toBeFocused();
  await expect(editForm.getByLabel('Answer 2')).toHaveValue('Mars');
  await editForm.getByLabel('Question').fill('Which planet is the red one?');
  await editForm.getByRole('button', { name: 'Save correction' }).click();
  await expect(editForm.getByRole('alert')).toBeVisible();
  await editForm.getByLabel('Correct').nth(1).check();
  await editForm.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Question corrected.' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a question to the bank' })).toBeVisible();
  // The show is hours away: it will ask the corrected question.
  await expect(scheduleForm.getByLabel(/Which planet is the red one\? · in 1 show/)).toBeVisible();
  await expect(bankList.getByRole('row', { name: /Which planet is red\?/ })).toHaveCount(0);

  // ── Publish.
  await sections.getByRole('link', { name: 'Settings' }).click();
  const status = page.getByRole('region', { name: 'Status' });
  await status.getByRole('button', { name: 'Publish now' }).click();
  await expect(status).toContainText('Live');
  await expect(status.getByRole('button', { name: 'Pause' })).toBeVisible();

  // ── A player invites a friend to this campaign; the friend lands, signs up and spins the wheel.
  const alice = newPerson('Alice');
  const token = await apiPlayer(request, alice);
  const link = await request.get(`/api/referrals/link?campaignId=${campaignId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(link.status()).toBe(200);
  const { code } = (await link.json()) as { code: string };

  const bruno = newPerson('Bruno');
  const friend = await browser.newContext();
  try {
    const b = await friend.newPage();
    await b.goto(`/r/${code}`);
    await expect(b).toHaveURL(new RegExp(`/invite/${code}$`));
    await expect(
      b.getByRole('heading', { level: 1, name: `${alice.displayName} invited you to Playloop` }),
    ).toBeVisible();
    await expect(b.getByRole('heading', { level: 2, name: landingTitle })).toBeVisible();
    await b.getByRole('link', { name: 'Join now and get 50 points' }).click();
    await b.getByLabel('Email').fill(bruno.email);
    await b.getByLabel('Display name').fill(bruno.displayName);
    await b.getByLabel('Password').fill(bruno.password);
    await b.getByRole('button', { name: 'Create account' }).click();
    await expect(
      b.getByRole('heading', { level: 1, name: `Hi, ${bruno.displayName}!` }),
    ).toBeVisible();

    await b.goto(`/wheel/${campaignId}`);
    await b.getByRole('button', { name: /Claim today/ }).click();
    await b.getByRole('button', { name: 'Spin the wheel' }).click();
    await expect(b.getByRole('dialog')).toContainText(/You won!|Not this time/, {
      timeout: 20_000,
    });
  } finally {
    await friend.close();
  }
  const spins = await db.query(
    'select count(*)::int as n from wheel_spins s join users u on u.id = s.user_id where u.email = $1',
    [bruno.email],
  );
  expect(spins.rows[0].n).toBe(1);

  // The worker attributes the sign-up and flushes the click; wait for both to reach Postgres.
  await expect
    .poll(
      async () => {
        const [clicks, , signups] = await funnelInDatabase(db, campaignId);
        return (clicks ?? 0) >= 1 && signups === 1;
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  // ── The live dashboard shows exactly what the database holds, pushed over the socket.
  await page.goto(`/admin/dashboard/${campaignId}`);
  await expect(
    page.getByRole('status').filter({ hasText: 'Live: updates every few seconds' }),
  ).toBeVisible();
  await expect
    .poll(
      async () => {
        const [inDb, onScreen] = await Promise.all([
          funnelInDatabase(db, campaignId),
          funnelOnScreen(page),
        ]);
        return JSON.stringify(onScreen) === JSON.stringify(inDb)
          ? 'equal'
          : `screen ${onScreen} vs database ${inDb}`;
      },
      { timeout: 30_000 },
    )
    .toBe('equal');
  const [clicks, , signups] = await funnelOnScreen(page);
  expect(clicks).toBeGreaterThanOrEqual(1);
  expect(signups).toBe(1);
  const sharers = await db.query(
    'select count(*)::int as n from referral_codes where campaign_id = $1',
    [campaignId],
  );
  const kFactor = Math.round((signups / sharers.rows[0].n) * 100) / 100;
  await expect(page.getByTestId('kpi-kFactor')).toContainText(String(kFactor));

  // ── And the referrals export has the friend in it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export referrals (CSV)' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.split('\n')[0]).toContain('referral_id');
  expect(csv).toContain(bruno.email.toLowerCase());
});

test('support reviews flagged referrals with their evidence and approves several at once', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // A live campaign with a strict fraud threshold, and two friends who sign up from a throwaway domain.
  const marketing = { Authorization: `Bearer ${await apiStaff(request, db, 'marketing')}` };
  const stamp = Date.now().toString(36);
  const created = await request.post('/api/admin/campaigns', {
    headers: marketing,
    data: {
      slug: `strict-${stamp}`,
      title: `Strict ${stamp}`,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: null,
      qualifyingAction: 'signup',
      referrerRewardPoints: 100,
      refereeRewardPoints: 50,
      referrerRewardSpins: 0,
      referrerDailyCap: null,
      referrerLifetimeCap: null,
      holdSeconds: 0,
      attributionWindowDays: 30,
      fraudThreshold: 30,
      budgetPoints: 10_000,
      dailyBudgetPoints: null,
      imageUrl: null,
    },
  });
  expect(created.status()).toBe(201);
  const campaignId = ((await created.json()) as { id: string }).id;
  expect(
    (
      await request.post(`/api/admin/campaigns/${campaignId}/status`, {
        headers: marketing,
        data: { status: 'active' },
      })
    ).status(),
  ).toBe(200);

  const referrer = newPerson('Rita');
  const token = await apiPlayer(request, referrer);
  const { code } = (await (
    await request.get(`/api/referrals/link?campaignId=${campaignId}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json()) as { code: string };
  const friends = [newPerson('Ugo'), newPerson('Ada')].map((p) => ({
    ...p,
    email: p.email.replace('@example.com', '@mailinator.com'),
  }));
  for (const f of friends) {
    const res = await request.post('/api/auth/signup', {
      data: {
        email: f.email,
        password: f.password,
        displayName: f.displayName,
        referralCode: code,
      },
    });
    expect(res.status()).toBe(201);
  }
  const statuses = () =>
    db
      .query<{ status: string }>(
        'select status from referrals where campaign_id = $1 order by status',
        [campaignId],
      )
      .then((r) => r.rows.map((x) => x.status));
  await expect.poll(statuses, { timeout: 20_000 }).toEqual(['flagged', 'flagged']);

  // Support: the queue and the payouts, nothing else.
  await signInAsStaff(page, db, 'support');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/review$/);
  await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link')).toHaveText([
    'Fraud review',
    'Payouts queue',
  ]);
  const item = page
    .getByRole('listitem')
    .filter({ hasText: `${referrer.displayName} invited ${friends[0]?.displayName}` });
  await expect(item.getByRole('table', { name: 'Evidence' })).toContainText('disposable_email');
  await expect(item.getByRole('table', { name: 'Evidence' })).toContainText(
    'mailinator.com is a disposable email domain',
  );

  await page.getByLabel('Select all 2').check();
  await page.getByLabel('Note for the audit log (optional)').fill('Checked by phone');
  await page.getByRole('button', { name: 'Approve 2' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '2 referral(s) approved.' }),
  ).toBeVisible();
  await expect(page.getByText('Nothing to review.')).toBeVisible();
  await expect.poll(statuses, { timeout: 20_000 }).not.toContain('flagged');

  await page.goto('/admin/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    'Your role does not include this part of the console.',
  );
});

test('an admin sees every section, grants a role, and finds it in the audit log', async ({
  page,
  request,
}) => {
  const someone = newPerson('Gino');
  await apiPlayer(request, someone);
  await signInAsStaff(page, db, 'admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link')).toHaveText([
    'Campaigns',
    'Live dashboard',
    'Fraud review',
    'Payouts queue',
    'Users & roles',
    'Audit log',
  ]);

  const grant = page.getByRole('form', { name: 'Grant a role' });
  await grant.getByLabel('Email').fill(someone.email);
  await grant.getByLabel('Role').selectOption('support');
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await expect(grant.getByRole('status')).toHaveText(
    `${someone.email} is now Support. It applies from their next sign-in.`,
  );
  await expect(page.getByRole('row', { name: new RegExp(someone.displayName) })).toContainText(
    'Support',
  );
  const stored = await db.query('select role from users where email = $1', [someone.email]);
  expect(stored.rows[0].role).toBe('support');

  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await page.getByLabel('Filter').fill('user.role');
  await expect(page.getByRole('row', { name: /user\.role/ }).first()).toContainText('Done');
});
