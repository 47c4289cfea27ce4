import type { RouteObject } from 'react-router';
import { RequireSession } from '../app/require-session';
import { MyRewardsPage } from './my-rewards-page';
import { RewardsPage } from './rewards-page';

/** The rewards shop's pages, spread into the app router's children (both need a signed-in player). */
export const rewardShopRoutes: RouteObject[] = [
  {
    path: 'rewards',
    element: (
      <RequireSession>
        <RewardsPage />
      </RequireSession>
    ),
  },
  {
    path: 'rewards/mine',
    element: (
      <RequireSession>
        <MyRewardsPage />
      </RequireSession>
    ),
  },
];
