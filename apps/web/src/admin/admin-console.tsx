import type { ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/not-found-page';
import { useSession } from '../auth/session-store';
import { AuditPage } from './audit/audit-page';
import { CampaignEditorPage } from './campaigns/campaign-editor-page';
import { CampaignListPage } from './campaigns/campaign-list-page';
import { DashboardIndexPage, LiveDashboardPage } from './dashboard/live-dashboard-page';
import { useAdminText } from './i18n/use-admin-text';
import type { AdminKey } from './i18n/admin-en';
import { NotAllowedPage } from './not-allowed-page';
import { PayoutsPage } from './payouts/payouts-page';
import { QuizBankPage } from './quiz/quiz-bank-page';
import { FraudReviewPage } from './review/fraud-review-page';
import { canOpen, isStaff, sectionsFor, type Section } from './roles';
import { UsersPage } from './users/users-page';
import { WheelEditorPage } from './wheel/wheel-editor-page';

/** Found in this chunk and nowhere in the player's: the build-output test looks for it. */
export const ADMIN_CONSOLE_MARKER = 'playloop-admin-console-chunk';

const NAV_LABEL: Record<Section, AdminKey> = {
  campaigns: 'nav.campaigns',
  dashboard: 'nav.dashboard',
  review: 'nav.review',
  payouts: 'nav.payouts',
  users: 'nav.users',
  audit: 'nav.audit',
};

/** `/admin/*`: the staff console. Each section checks the reader's role; the api checks again. */
export default function AdminConsole() {
  const session = useSession();
  const { at } = useAdminText();
  if (session.status !== 'signed-in') return null;
  const { role } = session.user;
  if (!isStaff(role)) return <NotAllowedPage isStaff={false} />;
  const first = sectionsFor(role)[0] ?? 'campaigns';
  const only = (section: Section, page: ReactNode) =>
    canOpen(role, section) ? page : <NotAllowedPage isStaff />;
  return (
    <div className="admin" data-console={ADMIN_CONSOLE_MARKER}>
      <nav className="admin-nav" aria-label={at('nav.label')}>
        <p className="admin-nav__role">{at(`role.${role}` as const)}</p>
        <ul>
          {sectionsFor(role).map((section) => (
            <li key={section}>
              <NavLink to={`/admin/${section}`} className="admin-nav__link">
                {at(NAV_LABEL[section])}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin__content">
        <Routes>
          <Route index element={<Navigate to={`/admin/${first}`} replace />} />
          <Route path="campaigns" element={only('campaigns', <CampaignListPage />)} />
          <Route path="campaigns/new" element={only('campaigns', <CampaignEditorPage />)} />
          <Route path="campaigns/:campaignId" element={only('campaigns', <CampaignEditorPage />)} />
          <Route
            path="campaigns/:campaignId/wheel"
            element={only('campaigns', <WheelEditorPage />)}
          />
          <Route path="campaigns/:campaignId/quiz" element={only('campaigns', <QuizBankPage />)} />
          <Route path="dashboard" element={only('dashboard', <DashboardIndexPage />)} />
          <Route path="dashboard/:campaignId" element={only('dashboard', <LiveDashboardPage />)} />
          <Route path="review" element={only('review', <FraudReviewPage />)} />
          <Route path="payouts" element={only('payouts', <PayoutsPage />)} />
          <Route path="users" element={only('users', <UsersPage />)} />
          <Route path="audit" element={only('audit', <AuditPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </div>
    </div>
  );
}
