import { expect, test, type Browser, type Page } from '@playwright/test';
import { newPerson } from './support/people';

type Person = ReturnType<typeof newPerson>;

async function signUpThroughTheForm(page: Page, person: Person) {
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
}

/** Marks the document: after a reload (or a full navigation) the mark would be gone. */
const markDocument = (page: Page) =>
  page.evaluate(() => document.body.setAttribute('data-e2e-same-document', 'yes'));
const expectSameDocument = (page: Page) =>
  expect(page.locator('body')).toHaveAttribute('data-e2e-same-document', 'yes');

const walletPanel = (page: Page) => page.getByRole('region', { name: 'Wallet' });

async function newPlayerPage(browser: Browser, permissions: string[] = []) {
  const context = await browser.newContext({ permissions });
  return { context, page: await context.newPage() };
}

test('a player shares their link, a friend joins through it, and both see the reward live', async ({
  browser,
}) => {
  const alice = newPerson('Alice');
  const bruno = newPerson('Bruno');
  // Two people, two browsers: separate cookies, storage and sockets.
  const a = await newPlayerPage(browser, ['clipboard-read', 'clipboard-write']);
  const b = await newPlayerPage(browser);

  try {
    // Alice signs up and finds her invite link on the dashboard.
    await a.page.goto('/signup');
    await signUpThroughTheForm(a.page, alice);
    const invitePanel = a.page.getByRole('region', { name: 'Invite friends' });
    const linkField = invitePanel.getByLabel('Your invite link');
    await expect(linkField).toHaveValue(/\/r\/[A-Za-z0-9_-]{4,32}$/);
    const link = await linkField.inputValue();

    await invitePanel.getByRole('button', { name: 'Copy link' }).click();
    await expect(invitePanel.getByRole('status')).toHaveText(/Copied!/);
    expect(await a.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(
      invitePanel.getByRole('img', { name: 'QR code of your invite link' }),
    ).toHaveAttribute('src', /^data:image\/png;base64,/);
    const whatsapp = await invitePanel.getByRole('link', { name: /WhatsApp/ }).getAttribute('href');
    expect(whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(whatsapp).toContain(encodeURIComponent(link));
    const referrals = a.page.getByRole('region', { name: /Friends you invited/ });
    await expect(referrals).toContainText('Nobody has joined with your link yet');
    await expect(walletPanel(a.page).getByTestId('wallet-points')).toHaveText('0');
    await markDocument(a.page);

    // Bruno opens the shared link. The api's PUBLIC_APP_URL names the production host, so the
    // test opens the same path on the stack under test: `/r/<code>` sets the first-touch cookie
    // and sends the browser to the landing page.
    const { pathname } = new URL(link);
    const code = pathname.split('/').pop() ?? '';
    await b.page.goto(pathname);
    await expect(b.page).toHaveURL(new RegExp(`/invite/${code}$`));
    await expect(
      b.page.getByRole('heading', {
        level: 1,
        name: `${alice.displayName} invited you to Playloop`,
      }),
    ).toBeVisible();
    const rewards = b.page.getByRole('list', { name: 'What you both get' });
    await expect(rewards).toContainText('50 points');
    await expect(rewards).toContainText('100 points');
    await b.page.getByRole('link', { name: 'Join now and get 50 points' }).click();
    await expect(
      b.page.getByText(`You are joining with ${alice.displayName}’s invite`),
    ).toBeVisible();
    await signUpThroughTheForm(b.page, bruno);
    await markDocument(b.page);

    // Alice's open dashboard hears about Bruno without a reload: the list and a toast.
    const brunoRow = referrals.getByRole('listitem').filter({ hasText: bruno.displayName });
    await expect(brunoRow).toBeVisible({ timeout: 20_000 });
    const toasts = a.page.getByRole('region', { name: 'Invite updates' });
    await expect(toasts.getByRole('list')).toHaveAttribute('aria-live', 'polite');
    await expect(
      toasts.getByRole('listitem').filter({ hasText: bruno.displayName }).first(),
    ).toBeVisible();

    // The demo campaign qualifies on sign-up: the referral is rewarded and both wallets move.
    await expect(brunoRow).toContainText('Rewarded', { timeout: 20_000 });
    await expect(walletPanel(a.page).getByTestId('wallet-points')).toHaveText('100');
    await expect(walletPanel(a.page).getByTestId('wallet-spins')).toHaveText('1');
    await expect(walletPanel(b.page).getByTestId('wallet-points')).toHaveText('50', {
      timeout: 20_000,
    });
    const board = a.page.getByRole('region', { name: 'Leaderboard' });
    await expect(board.getByRole('listitem').filter({ hasText: '(you)' })).toContainText(
      alice.displayName,
    );
    await expect(board.getByTestId('leaderboard-me')).toHaveText(/Your rank: #\d+ · invited: 1/);
    await expectSameDocument(a.page);
    await expectSameDocument(b.page);

    // The history behind Alice's balance, one client-side navigation away.
    await walletPanel(a.page).getByRole('link', { name: 'See your wallet history' }).click();
    await expect(a.page.getByRole('heading', { level: 1, name: 'Wallet' })).toBeVisible();
    const rewardLine = a.page.getByRole('row').filter({ hasText: 'Invite reward' });
    await expect(rewardLine.filter({ hasText: '+100 points' })).toBeVisible();
    await expect(rewardLine.filter({ hasText: '+1 spin' })).toBeVisible();

    // An invite opened by someone already signed in says so instead of offering to sign up.
    await a.page.goto(`/invite/${code}`);
    await expect(
      a.page.getByText(`You are already signed in as ${alice.displayName}`),
    ).toBeVisible();
    await expect(a.page.getByRole('link', { name: /Join now/ })).toHaveCount(0);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('an invite link that does not exist says so and still lets the visitor join', async ({
  page,
}) => {
  await page.goto('/invite/nosuchcode42');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This invite link does not work' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('We could not find this invite');
  await page.getByRole('link', { name: 'Join Playloop anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  // Nothing was stored for the sign-up to carry.
  await expect(page.getByText(/You are joining with/)).toHaveCount(0);
});
