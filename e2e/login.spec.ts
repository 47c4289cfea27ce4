import { expect, test } from '@playwright/test';
import { newPerson } from './support/people';

test('after too many failed attempts the login form makes the player wait, counting down, and offers the button again when the wait is over', async ({
  page,
  request,
}) => {
  const person = newPerson('Chiara');
  expect((await request.post('/api/auth/signup', { data: { ...person } })).status()).toBe(201);

  // Someone (maybe a bot) burns this account's attempts; the api starts answering 429.
  let status = 0;
  for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
    status = (
      await request.post('/api/auth/login', {
        data: { email: person.email, password: 'not the password' },
      })
    ).status();
  }
  expect(status).toBe(429);

  await page.clock.install();
  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  const submit = page.getByRole('button', { name: /Log in|Try again in/ });
  await submit.click();

  await expect(page.getByRole('alert')).toContainText(
    /Too many attempts\. You can try again in \d+ s\./,
  );
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveText(/Try again in \d+ s/);

  // Browser time only: the server's own window is untouched, so this checks the form, not a new attempt.
  await page.clock.fastForward(65_000);
  await expect(submit).toBeEnabled();
  await expect(submit).toHaveText('Log in');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
