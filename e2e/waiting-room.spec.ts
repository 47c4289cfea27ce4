import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { newPerson } from './support/people';

type Person = ReturnType<typeof newPerson>;

/** An admin's access token, made as a real one is: sign up, role granted in the stack's database, log in. */
async function adminToken(request: APIRequestContext): Promise<string> {
  const url = process.env.PLAYLOOP_E2E_DATABASE_URL;
  if (!url)
    throw new Error(
      'waiting-room.spec.ts needs the stack started by global setup (PLAYLOOP_E2E_DATABASE_URL)',
    );
  const person = newPerson('Olga');
  expect(
    (
      await request.post('/api/auth/signup', {
        data: { email: person.email, password: person.password, displayName: person.displayName },
      })
    ).status(),
  ).toBe(201);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`update users set role = 'admin' where email = $1`, [person.email]);
  } finally {
    await db.end();
  }
  const login = await request.post('/api/auth/login', {
    data: { email: person.email, password: person.password },
  });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

async function setRoom(
  request: APIRequestContext,
  token: string,
  body: { mode?: 'off' | 'on' | 'auto'; admitPerSecond?: number },
) {
  const res = await request.put('/api/admin/admission', {
    data: body,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
}

async function signUpThroughTheForm(page: Page, person: Person) {
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

const connectionStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Connection|Connessione/ });

test.describe('waiting room', () => {
  let token: string;

  test.beforeAll(async ({ request }) => {
    token = await adminToken(request);
  });
  // Other specs share this stack: the room must be off whatever happened here.
  test.afterAll(async ({ request }) => {
    await setRoom(request, token, { mode: 'off' });
  });

  test('a new visitor waits, sees the position fall, gets in and signs up, while a signed-in player keeps playing', async ({
    browser,
    request,
    playwright,
  }) => {
    test.setTimeout(120_000);

    // A player who joined before the rush.
    const player = newPerson('Paolo');
    const playerPage = await newPage(browser);
    await playerPage.goto('/signup');
    await signUpThroughTheForm(playerPage, player);
    await expect(connectionStatus(playerPage)).toContainText('Live');

    // The operator opens the room at one admission every two seconds; three people are already in
    // line (the first takes the room's banked second and goes straight in).
    await setRoom(request, token, { mode: 'on', admitPerSecond: 0.5 });
    for (let i = 0; i < 4; i++) {
      // Each is a browser of its own (its own cookies).
      const someone = await playwright.request.newContext({
        baseURL: test.info().project.use.baseURL,
      });
      const res = await someone.post('/api/waiting-room/join', {
        data: { visitorId: `e2e-ahead-${i}-${Date.now()}` },
      });
      expect(res.status()).toBe(200);
      await someone.dispose();
    }

    // A new visitor who wants to sign up is sent to the line first.
    const visitor = newPerson('Vera');
    const page = await newPage(browser);
    await page.goto('/signup');
    await expect(page).toHaveURL(/\/waiting-room\?next=%2Fsignup$/);
    await expect(page.getByRole('heading', { level: 1, name: 'You are in line' })).toBeVisible();
    const position = page.getByTestId('waiting-room-position');
    await expect(position).toHaveText(/^\d+$/);
    const first = Number(await position.textContent());
    expect(first).toBeGreaterThanOrEqual(2);

    // A reload keeps the place (it does not go to the back of the line).
    await page.reload();
    await expect(position).toHaveText(/^\d+$/);
    expect(Number(await position.textContent())).toBeLessThanOrEqual(first);

    // The place falls, live, without reloading.
    await expect
      .poll(
        async () => Number((await position.textContent({ timeout: 1000 }).catch(() => null)) ?? 0),
        { timeout: 20_000 },
      )
      .toBeLessThan(first);

    // Meanwhile the signed-in player keeps playing: a reload resumes the session, still live.
    await playerPage.reload();
    await expect(
      playerPage.getByRole('heading', { level: 1, name: `Hi, ${player.displayName}!` }),
    ).toBeVisible();
    await expect(connectionStatus(playerPage)).toContainText('Live');
    await playerPage.goto('/wallet');
    await expect(playerPage).toHaveURL(/\/wallet$/);

    // The turn comes: back on the sign-up form, and signing up works.
    await expect(page).toHaveURL(/\/signup$/, { timeout: 30_000 });
    await signUpThroughTheForm(page, visitor);
  });
});
