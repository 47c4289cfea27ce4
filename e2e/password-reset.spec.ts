import { expect, test } from '@playwright/test';
import { readMail } from '../packages/core/src/testing/smtp-sink';
import { signUp } from './support/console';
import { newPerson } from './support/people';

const mailDir = () => {
  const dir = process.env.PLAYLOOP_E2E_MAIL_DIR;
  if (!dir) throw new Error('PLAYLOOP_E2E_MAIL_DIR is not set: the e2e stack did not start');
  return dir;
};

const RESET_LINK = /(http:\/\/[^\s]+\/reset-password#token=[A-Za-z0-9_-]{43})/;

test('a player who forgot their password gets a link by email, chooses a new one and is signed in; other devices are signed out', async ({
  page,
  browser,
}) => {
  const person = newPerson('Marta');
  await signUp(page, person);

  // On another device, the password is forgotten.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto('/login');
  await phone.getByLabel('Email').fill(person.email);
  await phone.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  // The address typed on the login page came along.
  await expect(phone.getByLabel('Email')).toHaveValue(person.email);
  await phone.getByRole('button', { name: 'Send me a link' }).click();
  await expect(phone.getByRole('status')).toContainText(
    `If ${person.email} has a Playloop account, a link is on its way.`,
  );

  let link = '';
  await expect
    .poll(
      () => {
        const mails = readMail(mailDir(), person.email).filter((m) =>
          m.includes('Reset your Playloop password'),
        );
        link = RESET_LINK.exec(mails[0] ?? '')?.[1] ?? '';
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  expect(link.startsWith(new URL(phone.url()).origin)).toBe(true);

  await phone.goto(link);
  await expect(
    phone.getByRole('heading', { level: 1, name: 'Choose a new password' }),
  ).toBeVisible();
  // The token does not stay in the address bar (or the history).
  expect(phone.url()).not.toContain('token=');
  const newPassword = `${person.password} renewed`;
  await phone.getByLabel('New password', { exact: true }).fill('short');
  await phone.getByRole('button', { name: 'Save and log in' }).click();
  await expect(phone.getByText('Must be at least 10 characters.')).toBeVisible();
  await phone.getByLabel('New password', { exact: true }).fill(newPassword);
  await phone.getByRole('button', { name: 'Save and log in' }).click();
  await expect(phone.getByText('Your password is changed and you are logged in.')).toBeVisible();
  await phone.getByRole('link', { name: 'Go to your dashboard' }).click();
  await expect(
    phone.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();

  // The link works once: a second use is refused, and says what to do.
  await phone.goto(link);
  await phone.getByLabel('New password', { exact: true }).fill(`${newPassword} again`);
  await phone.getByRole('button', { name: 'Save and log in' }).click();
  await expect(phone.getByRole('alert')).toContainText(
    'This reset link is not valid or was already used',
  );
  await expect(phone.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  await other.close();

  // The first device's session ended with the reset: a reload asks to log in again.
  await page.reload();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
});
