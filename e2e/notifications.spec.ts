import { expect, test } from '@playwright/test';
import { canDeliverNotifications, deliverNotificationTo } from './support/notify';
import { newPerson } from './support/people';

test('a returning player logs in, and a notification sent while the dashboard is open appears live', async ({
  page,
  request,
}) => {
  // The stack from global setup is required; without it this must fail, not silently skip.
  expect(canDeliverNotifications(), 'needs the stack started by global setup').toBe(true);
  const person = newPerson('Luca');
  const signup = await request.post('/api/auth/signup', {
    data: { email: person.email, password: person.password, displayName: person.displayName },
  });
  expect(signup.status()).toBe(201);
  const { user } = (await signup.json()) as { user: { id: string } };

  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: `Hi, ${person.displayName}!` }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connection:' })).toContainText('Live');
  const notifications = page.getByRole('list', { name: 'Notifications' });
  await expect(
    notifications.getByRole('listitem').filter({ hasText: 'Welcome to Playloop!' }),
  ).toBeVisible();

  // Marks this document: if the page reloaded, the mark would be gone.
  await page.evaluate(() => document.body.setAttribute('data-e2e-same-document', 'yes'));
  await deliverNotificationTo(user.id, {
    title: 'Your friend Sara joined',
    body: 'You both earned 50 points.',
  });

  const pushed = notifications.getByRole('listitem').filter({ hasText: 'Your friend Sara joined' });
  await expect(pushed).toBeVisible();
  await expect(pushed).toContainText('You both earned 50 points.');
  await expect(page.locator('body')).toHaveAttribute('data-e2e-same-document', 'yes');
  // Newest first.
  await expect(notifications.getByRole('listitem').first()).toContainText(
    'Your friend Sara joined',
  );
});
