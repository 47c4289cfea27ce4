import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSession } from '../app/require-session';
import { useI18n } from '../i18n/i18n-context';

/**
 * The only admin file the player bundle contains: the console itself is a chunk of its own,
 * fetched when someone opens /admin (apps/web/test/bundle.int.test.ts checks the build output).
 */
const AdminConsole = lazy(() => import('./admin-console'));

function ConsoleLoading() {
  const { t } = useI18n();
  return (
    <p className="page-loading" role="status">
      {t('app.loading')}
    </p>
  );
}

function ConsoleLoadFailed() {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('admin.loadFailed')}</p>
      <p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => window.location.reload()}
        >
          {t('admin.reload')}
        </button>
      </p>
    </div>
  );
}

/** A chunk that fails to load (offline, or replaced by a deploy) gets a reload button, not a blank page. */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <ConsoleLoadFailed /> : this.props.children;
  }
}

export const adminRoute: RouteObject = {
  path: 'admin/*',
  element: (
    <RequireSession>
      <ChunkBoundary>
        <Suspense fallback={<ConsoleLoading />}>
          <AdminConsole />
        </Suspense>
      </ChunkBoundary>
    </RequireSession>
  ),
};
