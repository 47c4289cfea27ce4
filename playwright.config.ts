import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the real, built stack (api + worker + realtime over Postgres and Redis),
 * which `e2e/support/global-setup.ts` starts on free ports and tears down afterwards.
 * Set PLAYLOOP_E2E_BASE_URL to run against a stack that is already up (e.g. `npm start`).
 */
export default defineConfig({
  testDir: 'e2e',
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: 'test-results/e2e',
  use: {
    // Written by global setup before the workers start; they read it when they load this file.
    baseURL: process.env.PLAYLOOP_E2E_BASE_URL,
    locale: 'en-US',
    video: 'off',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's chromium: browsers are never downloaded by Playwright here.
        launchOptions: {
          executablePath: process.env.PLAYLOOP_CHROMIUM ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
