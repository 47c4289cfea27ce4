import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { signUp } from './support/console';
import { newPerson } from './support/people';

const DEMO = 'cmp_demo0000000000000000';

/** Gives a signed-up player points from the demo campaign's budget, as a reward would. */
async function grantPoints(email: string, points: number): Promise<void> {
  const url = process.env.PLAYLOOP_E2E_DATABASE_URL;
  if (!url)
    throw new Error(
      'rewards.spec.ts needs the stack started by global setup (PLAYLOOP_E2E_DATABASE_URL)',
    );
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('begin');
    const { rows } = await db.query<{ id: string }>('select id from users where email = $1', [
      email,
    ]);
    const userId = rows[0]?.id;
    await db.query(
      `insert into ledger_accounts (kind, user_id, asset, bucket) values ('player', $1, 'points', 'available') on conflict do nothing`,
      [userId],
    );
    const tx = `ltx_e2e${Math.random().toString(36).slice(2, 10).padEnd(17, '0')}`.slice(0, 24);
    await db.query(
      `insert into ledger_transactions (id, idempotency_key, kind, campaign_id) values ($1, $2, 'adjustment', $3)`,
      [tx, `e2e-grant:${userId}`, DEMO],
    );
    await db.query(
      `insert into ledger_entries (transaction_id, account_id, amount)
       select $1, id, -$2::bigint from ledger_accounts where kind = 'campaign_budget' and campaign_id = $3 and asset = 'points'
       union all select $1, id, $2::bigint from ledger_accounts where kind = 'player' and user_id = $4 and asset = 'points' and bucket = 'available'`,
      [tx, points, DEMO, userId],
    );
    await db.query('commit');
  } finally {
    await db.end();
  }
}

const card = (page: Page, title: string) => page.getByRole('listitem', { name: title });

async function redeem(page: Page, title: string) {
  await card(page, title).getByRole('button', { name: 'Redeem' }).click();
  await card(page, title).getByRole('button', { name: 'Yes, redeem' }).click();
}

test('a player redeems a coupon and a gift card, follows the gift card live, and finds both codes in “my rewards”', async ({
  page,
}) => {
  const person = newPerson('Rita');
  await signUp(page, person);
  await grantPoints(person.email, 500);

  await page.goto('/rewards');
  await expect(page.getByRole('heading', { level: 1, name: 'Rewards shop' })).toBeVisible();
  await expect(page.getByTestId('rewards-balance')).toHaveText('You have 500 points to spend');

  // A coupon comes from the code bank on the spot.
  await redeem(page, 'Free coffee');
  const latest = page.getByRole('region', { name: 'Free coffee' });
  await expect(latest.getByText('Ready', { exact: true })).toBeVisible();
  await expect(latest.getByTestId('reward-code')).toHaveText(/^COFFEE-\d{4}$/);
  await expect(page.getByTestId('rewards-balance')).toHaveText('You have 450 points to spend');

  // A gift card goes through the sandbox provider; its status arrives over the socket.
  await redeem(page, '€5 gift card');
  const gift = page.getByRole('region', { name: '€5 gift card' });
  await expect(gift.getByText('Ready', { exact: true })).toBeVisible();
  await expect(gift.getByTestId('reward-code')).toHaveText(/^SBX-/);
  await expect(page.getByTestId('rewards-balance')).toHaveText('You have 250 points to spend');

  // Not enough points left for the €10 card: the button says so instead of failing later.
  await expect(card(page, '€10 gift card').getByRole('button', { name: 'Redeem' })).toBeDisabled();
  await expect(card(page, '€10 gift card').getByText('You need 130 more points')).toBeVisible();

  await page.getByRole('link', { name: 'See all my rewards' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My rewards' })).toBeVisible();
  await expect(page.getByTestId('my-reward')).toHaveCount(2);
  await expect(page.getByTestId('reward-code')).toHaveCount(2);
});
