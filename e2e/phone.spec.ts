import { expect, test } from '@playwright/test';
import { signUp } from './support/console';
import { newPerson } from './support/people';

test.use({ viewport: { width: 375, height: 740 } });

test('on a phone every page fits the screen and every header link is in view', async ({ page }) => {
  const person = newPerson('Pia');
  await signUp(page, person);

  // The page scrolls to its heading after navigation; the header sits above it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const nav = page.getByRole('navigation', { name: 'Main' });
  const names = ['Dashboard', 'Quiz', 'Wheel', 'Rewards', 'Wallet', 'Leaderboard'];
  for (const name of names) {
    const link = nav.getByRole('link', { name, exact: true });
    await expect(link).toBeInViewport({ ratio: 1 });
  }
  for (const name of names) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // No sideways scrolling: nothing is wider than the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${name} page overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});
