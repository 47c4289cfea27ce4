import './waiting-room.css';
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../i18n/use-document-title';
import { useWaitingRoomText, type WaitingRoomText } from './waiting-room-text';
import { safeNext } from './next-path';
import { useWaitingRoom } from './use-waiting-room';

function eta(t: WaitingRoomText, seconds: number | null): string {
  if (seconds === null || seconds <= 5) return t('etaSoon');
  const time =
    seconds >= 90
      ? t('minutes', { n: Math.round(seconds / 60) })
      : t('seconds', { n: Math.round(seconds) });
  return t('eta', { time });
}

/**
 * `/waiting-room?next=/signup`: the visitor's place in line, updated live, until the turn comes;
 * then on to `next` with the admission cookie set.
 */
export function WaitingRoomPage() {
  const t = useWaitingRoomText();
  useDocumentTitle(t('title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const view = useWaitingRoom();
  const next = safeNext(params.get('next'));
  // The first position seen, so the bar shows how far the line has moved.
  const first = useRef<number | null>(null);

  useEffect(() => {
    if (view.phase === 'in') navigate(next, { replace: true });
  }, [view.phase, next, navigate]);

  const position = view.phase === 'waiting' ? view.status.position : null;
  if (position !== null && (first.current === null || position > first.current))
    first.current = position;
  const progress =
    position !== null && first.current
      ? Math.round(((first.current - position + 1) / (first.current + 1)) * 100)
      : 0;

  return (
    <div className="auth-page">
      <section className="card auth-card waiting-room" aria-labelledby="waiting-room-title">
        <h1 id="waiting-room-title" className="auth-card__title">
          {t('title')}
        </h1>
        <p className="muted">{t('lead')}</p>
        {view.phase === 'joining' && (
          <p role="status" className="notice notice--info">
            {t('joining')}
          </p>
        )}
        {view.phase === 'in' && (
          <p role="status" className="notice notice--success">
            {t('admitted')}
          </p>
        )}
        {view.phase === 'waiting' && position !== null && (
          <>
            <div role="status" aria-live="polite" aria-atomic="true">
              <p className="waiting-room__label">{t('position')}</p>
              <p className="waiting-room__position" data-testid="waiting-room-position">
                {position}
              </p>
              <p>
                {position <= 1
                  ? t('next')
                  : position === 2
                    ? t('aheadOne')
                    : t('ahead', { count: position - 1 })}
              </p>
              <p className="muted">{eta(t, view.status.etaSeconds)}</p>
            </div>
            <progress
              className="waiting-room__progress"
              max={100}
              value={progress}
              aria-label={t('position')}
            />
            {view.isRetrying && <p className="notice notice--info">{t('retrying')}</p>}
            <p className="muted">{t('keepOpen')}</p>
          </>
        )}
      </section>
    </div>
  );
}
