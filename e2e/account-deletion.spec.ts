import { expect, test } from '@playwright/test';
import { logIn, signUp } from './support/console';
import { newPerson } from './support/people';

test('a player deletes their account: asked for the password and once more, then signed out everywhere at once and unable to log in', async ({
  browser,
  page,
}) => {
  const person = newPerson('Dana');
  await signUp(page, person);
  // The same player on another device.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await logIn(phone, person);

  const form = page
    .getByRole('region', { name: 'Account settings' })
    .getByRole('form', { name: 'Delete your account' });
  await expect(form).toContainText('This cannot be undone.');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    // The first time the player thinks better of it; the second time they mean it.
    void (dialogs.length === 1 ? dialog.dismiss() : dialog.accept());
  });

  await form.getByLabel('Your password, to confirm').fill('not my password');
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  // Dismissed: nothing was sent, the player is still here.
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(form.getByText('This is not your current password.')).toBeVisible();
  expect(dialogs).toEqual([
    'Delete your account for good? This cannot be undone.',
    'Delete your account for good? This cannot be undone.',
  ]);

  await form.getByLabel('Your password, to confirm').fill(person.password);
  await form.getByRole('button', { name: 'Delete my account' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your account has been deleted.' }),
  ).toHaveText('Your account has been deleted. Thank you for playing.');
  await expect(page).toHaveURL(/\/$/);

  // The other device is told at once (its socket hears it, then the server hangs up) and signed
  // out; a reload does not bring the session back.
  await expect(
    phone.getByRole('status').filter({ hasText: 'Your account has been deleted.' }),
  ).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await phone.goto('/dashboard');
  await expect(phone).toHaveURL(/\/login/);

  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Email or password is wrong.')).toBeVisible();
  await other.close();
});
