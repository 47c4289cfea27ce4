import { useEffect, useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';
import { waitingRoomStatus } from './waiting-room-api';
import { useWaitingRoomText } from './waiting-room-text';

type Verdict = 'checking' | 'in' | 'queue';
const RECHECK_MS = 30_000;

/**
 * In front of sign-up and login: while the waiting room queues new visitors, a visitor without an
 * admission is sent to take a place first (and comes back here when let in); a signed-in player
 * passes. If the room opens
 * while the form is being filled in, a notice offers the line instead of throwing the form away.
 * Fails open: when the status cannot be read the page shows, and the api's own gate decides.
 */
export function WaitingRoomGate({ children }: { children: ReactNode }) {
  const [verdict, setVerdict] = useState<Verdict>('checking');
  const [hasReopened, setHasReopened] = useState(false);
  const location = useLocation();
  const session = useSession();
  const { t: app } = useI18n();
  const t = useWaitingRoomText();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (first: boolean) => {
      let queueing = false;
      try {
        const status = await waitingRoomStatus();
        queueing = status.state === 'waiting' || status.state === 'not-joined';
      } catch {
        // unreadable: show the page
      }
      if (stopped) return;
      if (first) setVerdict(queueing ? 'queue' : 'in');
      else if (queueing) setHasReopened(true);
      timer = setTimeout(() => void check(false), RECHECK_MS);
    };
    void check(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const toQueue = `/waiting-room?next=${encodeURIComponent(location.pathname)}`;
  // Players already in (a session resumed from the refresh cookie) never queue.
  if (session.status === 'signed-in') return children;
  if (verdict === 'checking' || session.status === 'loading') {
    return (
      <p className="page-loading" role="status">
        {app('app.loading')}
      </p>
    );
  }
  if (verdict === 'queue') return <Navigate to={toQueue} replace />;
  return (
    <>
      {hasReopened && (
        <p className="notice notice--info waiting-room__reopened" role="status">
          {t('reopened')} <Link to={toQueue}>{t('takePlace')}</Link>
        </p>
      )}
      {children}
    </>
  );
}
