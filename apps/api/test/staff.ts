import { setUserRole } from '@playloop/core';
import type { Role } from '@playloop/shared';
import { ZSession } from '@playloop/shared';
import { client, PASSWORD, uniqueEmail, type TestApi } from './harness.js';

/** Signs up, grants `role` in the database (as `npm run grant-role` does), signs in again. */
export async function staffSession(api: TestApi, role: Role, name: string = role) {
  const c = client(api.base);
  const email = uniqueEmail(role);
  await c.call('POST', '/api/auth/signup', {
    body: { email, password: PASSWORD, displayName: name },
  });
  await setUserRole(api.services.pool, email, role);
  const session = ZSession.parse(
    (await c.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).json,
  );
  return { c, session, email, token: session.accessToken };
}

export function validCampaign(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    slug: `spring-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Spring invite week',
    description: 'Invite friends, both earn points.',
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 7 * 86_400_000).toISOString(),
    qualifyingAction: 'signup',
    referrerRewardPoints: 100,
    refereeRewardPoints: 50,
    referrerRewardSpins: 1,
    referrerDailyCap: 10,
    referrerLifetimeCap: 100,
    holdSeconds: 0,
    attributionWindowDays: 30,
    fraudThreshold: 60,
    budgetPoints: 10_000,
    dailyBudgetPoints: null,
    landingTitle: 'Your friend saved you a seat',
    landingText: 'Join and you both get points.',
    imageUrl: null,
    shareText: 'Join me on Playloop!',
    variants: [],
    ...overrides,
  };
}
