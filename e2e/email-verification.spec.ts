import { expect, test } from '@playwright/test';
import { readMail } from '../packages/core/src/testing/smtp-sink';
import { newPerson } from './support/people';

const mailDir = () => {
  const dir = process.env.PLAYLOOP_E2E_MAIL_DIR;
  if (!dir) throw new Error('PLAYLOOP_E2E_MAIL_DIR is not set: the e2e stack did not start');
  return dir;
};

test('a new player is asked to confirm their email, opens the link from the mail, and is confirmed', async ({
  page,
}) => {
  const person = newPerson('Elena');
  await page.goto('/signup');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  const notice = page.getByRole('region', { name: 'Confirm your email' });
  await expect(notice).toContainText(`We sent a link to ${person.email}`);
  // Asking again straight away is refused politely: one was just sent.
  await notice.getByRole('button', { name: 'Send a new link' }).click();
  await expect(notice.getByRole('status')).toContainText(
    /We just sent one\. You can ask again in \d+ s\./,
  );

  // The worker mailed the link through the stack's SMTP relay.
  let link = '';
  await expect
    .poll(
      () => {
        const mail = readMail(mailDir(), person.email)[0] ?? '';
        link = /(http:\/\/[^\s]+\/verify-email#token=[A-Za-z0-9_-]{43})/.exec(mail)?.[1] ?? '';
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  expect(link.startsWith(new URL(page.url()).origin)).toBe(true);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email' })).toBeVisible();
  await expect(page.getByText('Your email is confirmed. Thank you!')).toBeVisible();
  // The token does not stay in the address bar (or the history).
  expect(page.url()).not.toContain('token=');

  await page.getByRole('link', { name: 'Go to your dashboard' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Confirm your email' })).toHaveCount(0);
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();

  // Opening the same link again tells the player, and changes nothing.
  await page.goto(link);
  await expect(page.getByText('Your email was already confirmed.')).toBeVisible();

  // A forged link gets a clear message.
  await page.goto('/');
  await page.goto(`/verify-email#token=${'A'.repeat(43)}`);
  await expect(page.getByRole('alert')).toContainText('This verification link is not valid');
});
