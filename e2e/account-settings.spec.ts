import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signUp } from './support/console';
import { newPerson } from './support/people';

test('a player renames themselves, picks a language and changes their password', async ({
  page,
}) => {
  const person = newPerson('Nico');
  await signUp(page, person);

  const settings = page.getByRole('region', { name: 'Account settings' });
  const profile = settings.getByRole('form', { name: 'Name and language' });
  await profile.getByLabel('Display name').fill('<Nico>');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByText('Must not contain < or >.')).toBeVisible();
  await profile.getByLabel('Display name').fill('Nico the Great');
  await profile.getByLabel(/^Language/).selectOption('it');
  await profile.getByRole('button', { name: 'Save' }).click();
  // The app follows the new language at once, and the new name is everywhere.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ciao, Nico the Great!' }),
  ).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Nico the Great');
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ciao, Nico the Great!' }),
  ).toBeVisible();
  const impostazioni = page.getByRole('region', { name: 'Impostazioni account' });
  await impostazioni.getByLabel(/^Lingua/).selectOption('en');
  await impostazioni.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hi, Nico the Great!' })).toBeVisible();

  const password = settings.getByRole('form', { name: 'Change your password' });
  const newPassword = `${person.password} v2`;
  await password.getByLabel('Current password').fill('not my password');
  await password.getByLabel('New password', { exact: true }).fill(newPassword);
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByText('This is not your current password.')).toBeVisible();
  await password.getByLabel('Current password').fill(person.password);
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('status')).toHaveText(
    'Password changed. Your other devices were signed out.',
  );
  // Everything kept about them, as a file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    settings.getByRole('button', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^playloop-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    profile: { email: string; displayName: string; locale: string };
  };
  expect(data.profile).toMatchObject({
    email: person.email,
    displayName: 'Nico the Great',
    locale: 'en',
  });

  // This tab stays signed in (a reload resumes the session), and the new password is the one.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hi, Nico the Great!' })).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hi, Nico the Great!' })).toBeVisible();
});
