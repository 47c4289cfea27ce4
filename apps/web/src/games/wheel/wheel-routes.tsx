import type { RouteObject } from 'react-router';
import { RequireSession } from '../../app/require-session';
import { VerifyWheelPage } from './verify-page';
import { WheelIndexPage } from './wheel-index-page';
import { WheelPage } from './wheel-page';

/** The wheel's pages, spread into the app router's children (all need a signed-in player). */
export const wheelRoutes: RouteObject[] = [
  {
    path: 'wheel',
    element: (
      <RequireSession>
        <WheelIndexPage />
      </RequireSession>
    ),
  },
  {
    path: 'wheel/:campaignId',
    element: (
      <RequireSession>
        <WheelPage />
      </RequireSession>
    ),
  },
  {
    path: 'verify/wheel/:spinId',
    element: (
      <RequireSession>
        <VerifyWheelPage />
      </RequireSession>
    ),
  },
];
