import { expect, test, type Page } from '@playwright/test';
import { newPerson } from './support/people';

async function signUpThroughTheForm(page: Page, person: ReturnType<typeof newPerson>) {
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

const connectionStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Connection|Connessione/ });

test('a new player signs up, goes live, gets the welcome live, stays signed in across a reload, and logs out', async ({
  page,
}) => {
  const person = newPerson();

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Play together');
  await page.getByRole('main').getByRole('link', { name: 'Create your free account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();

  await signUpThroughTheForm(page, person);

  // The signed-in shell: greeting, the name in the header, a live connection.
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(person.displayName);
  await expect(connectionStatus(page)).toContainText('Live');

  // The worker creates the welcome shortly after sign-up and pushes it: no reload needed.
  const notifications = page.getByRole('list', { name: 'Notifications' });
  await expect(
    notifications.getByRole('listitem').filter({ hasText: 'Welcome to Playloop!' }),
  ).toBeVisible({ timeout: 20_000 });

  // A reload forgets the in-memory token; the refresh cookie brings the session back silently.
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
  await expect(connectionStatus(page)).toContainText('Live');
  await expect(
    notifications.getByRole('listitem').filter({ hasText: 'Welcome to Playloop!' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('You have been logged out.')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText(person.displayName);

  // Still signed out after a reload, and the dashboard asks to log in.
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('signing up with an email that is taken shows the error next to the email field', async ({
  page,
  request,
}) => {
  const person = newPerson('Marco');
  const first = await request.post('/api/auth/signup', {
    data: { email: person.email, password: person.password, displayName: person.displayName },
  });
  expect(first.status()).toBe(201);

  await page.goto('/signup');
  await signUpThroughTheForm(page, { ...newPerson('Marco'), email: person.email });

  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/already exists/);
  await expect(email).toBeFocused();
  await expect(page.getByLabel('Display name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(page).toHaveURL(/\/signup$/);
});

test('switching the language to Italian changes the interface, and the choice is remembered', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page
    .getByRole('group', { name: 'Language' })
    .getByRole('button', { name: 'Italiano' })
    .click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gioca insieme');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Crea il tuo account gratuito' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Italiano' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Accedi' })).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: 'Registrati' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Crea il tuo account' })).toBeVisible();
  await expect(page.getByLabel('Nome visualizzato')).toBeVisible();
});
