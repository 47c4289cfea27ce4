import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../auth/login-page';
import { SignupPage } from '../auth/signup-page';
import { VerifyEmailPage } from '../auth/verify-email-page';
import { ForgotPasswordPage } from '../auth/forgot-password-page';
import { ResetPasswordPage } from '../auth/reset-password-page';
import { HomePage } from '../home/home-page';
import { DashboardPage } from '../dashboard/dashboard-page';
import { wheelRoutes } from '../games/wheel/wheel-routes';
import { quizRoutes } from '../games/quiz/quiz-routes';
import { referralRoutes } from '../referrals/referral-routes';
import { rewardShopRoutes } from '../rewards/rewards-routes';
import { adminRoute } from '../admin/admin-route';
import { WaitingRoomGate } from '../waiting-room/waiting-room-gate';
import { WaitingRoomPage } from '../waiting-room/waiting-room-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'signup',
        element: (
          <WaitingRoomGate>
            <SignupPage />
          </WaitingRoomGate>
        ),
      },
      {
        path: 'login',
        element: (
          <WaitingRoomGate>
            <LoginPage />
          </WaitingRoomGate>
        ),
      },
      { path: 'waiting-room', element: <WaitingRoomPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        path: 'dashboard',
        element: (
          <RequireSession>
            <DashboardPage />
          </RequireSession>
        ),
      },
      ...wheelRoutes,
      ...quizRoutes,
      ...referralRoutes,
      ...rewardShopRoutes,
      adminRoute,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
