import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../auth/login-page';
import { SignupPage } from '../auth/signup-page';
import { HomePage } from '../home/home-page';
import { DashboardPage } from '../dashboard/dashboard-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'signup', element: <SignupPage /> },
      { path: 'login', element: <LoginPage /> },
      {
        path: 'dashboard',
        element: (
          <RequireSession>
            <DashboardPage />
          </RequireSession>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
