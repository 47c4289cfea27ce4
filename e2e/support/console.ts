import { expect, type APIRequestContext, type Page } from '@playwright/test';
import pg from 'pg';
import { newPerson } from './people';

export type Person = ReturnType<typeof newPerson>;
export type StaffRole = 'marketing' | 'support' | 'admin';

/** The stack's own database: roles are granted there (as `npm run grant-role` does) and figures are read back. */
export function openStackDatabase(): pg.Pool {
  const url = process.env.PLAYLOOP_E2E_DATABASE_URL;
  if (!url)
    throw new Error(
      'the console journeys need the stack started by global setup (PLAYLOOP_E2E_DATABASE_URL)',
    );
  return new pg.Pool({ connectionString: url, max: 2 });
}

export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
}

async function grantRole(db: pg.Pool, email: string, role: StaffRole): Promise<void> {
  const granted = await db.query(
    'update users set role = $2, updated_at = now() where email = $1',
    [email, role],
  );
  expect(granted.rowCount).toBe(1);
}

/** A staff member as one really becomes one: sign up, get a role granted, sign in again (the role is in the token). */
export async function signInAsStaff(page: Page, db: pg.Pool, role: StaffRole): Promise<Person> {
  const person = newPerson(role === 'marketing' ? 'Marta' : 'Sara');
  await signUp(page, person);
  await grantRole(db, person.email, role);
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, person);
  return person;
}

/** Logs in through the login page and waits for the dashboard's greeting. */
export async function logIn(page: Page, person: Person): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
}

/** A player account made over the api, with its access token (for people who need no browser). */
export async function apiPlayer(request: APIRequestContext, person: Person): Promise<string> {
  const res = await request.post('/api/auth/signup', {
    data: { email: person.email, password: person.password, displayName: person.displayName },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A staff account made over the api; its token carries the role (granted before signing in). */
export async function apiStaff(
  request: APIRequestContext,
  db: pg.Pool,
  role: StaffRole,
): Promise<string> {
  const person = newPerson('Staff');
  await apiPlayer(request, person);
  await grantRole(db, person.email, role);
  const res = await request.post('/api/auth/login', {
    data: { email: person.email, password: person.password },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** `datetime-local` text for a moment `offsetMs` from now, in this machine's zone (the browser's too). */
export function localInput(offsetMs: number): string {
  const d = new Date(Date.now() + offsetMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

const FUNNEL = ['Link clicks', 'Landing views', 'Sign-ups', 'Qualified', 'Rewarded'] as const;

/** The campaign funnel as Postgres has it, counted independently of the api's own query. */
export async function funnelInDatabase(db: pg.Pool, campaignId: string): Promise<number[]> {
  const { rows } = await db.query(
    `select (select coalesce(sum(k.clicks), 0) from referral_click_counts k join referral_codes c on c.code = k.code where c.campaign_id = $1) as clicks,
            (select coalesce(sum(k.landing_views), 0) from referral_click_counts k join referral_codes c on c.code = k.code where c.campaign_id = $1) as views,
            (select count(*) from referrals where campaign_id = $1) as signups,
            (select count(*) from referrals where campaign_id = $1 and qualified_at is not null) as qualified,
            (select count(*) from referrals where campaign_id = $1 and rewarded_at is not null) as rewarded`,
    [campaignId],
  );
  const r = rows[0] as Record<string, string>;
  return [r.clicks, r.views, r.signups, r.qualified, r.rewarded].map(Number);
}

/** The same five figures as the dashboard's funnel table shows them. */
export async function funnelOnScreen(page: Page): Promise<number[]> {
  const funnel = page.getByTestId('funnel');
  return Promise.all(
    FUNNEL.map(async (label) => {
      const cell = funnel
        .getByRole('row', { name: new RegExp(`^${label}`) })
        .locator('td')
        .nth(1);
      return Number((await cell.innerText()).replace(/[^\d]/g, ''));
    }),
  );
}
