import type { RouteObject } from 'react-router';
import { RequireSession } from '../app/require-session';
import { InvitePage } from '../invite/invite-page';
import { LeaderboardPage } from '../leaderboard/leaderboard-page';
import { WalletPage } from '../wallet/wallet-page';

/** The referral loop's pages, spread into the app router's children. */
export const referralRoutes: RouteObject[] = [
  // Public: `/r/<code>` sends browsers here, signed in or not.
  { path: 'invite/:code', element: <InvitePage /> },
  {
    path: 'wallet',
    element: (
      <RequireSession>
        <WalletPage />
      </RequireSession>
    ),
  },
  {
    path: 'leaderboard',
    element: (
      <RequireSession>
        <LeaderboardPage />
      </RequireSession>
    ),
  },
];
