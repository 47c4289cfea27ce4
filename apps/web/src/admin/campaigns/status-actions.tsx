import { useState } from 'react';
import type { TCampaignAdmin } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { adminApi, type CampaignStatusTarget } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import type { AdminKey } from '../i18n/admin-en';
import { ErrorNotice } from '../ui/error-notice';
import { errorCodeOf } from '../use-load';

/** The moves the api allows from each status (core's `setCampaignStatus` is the authority). */
const MOVES: Record<TCampaignAdmin['status'], readonly CampaignStatusTarget[]> = {
  draft: ['active', 'scheduled', 'ended'],
  scheduled: ['active', 'paused', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

const LABEL: Record<CampaignStatusTarget, AdminKey> = {
  active: 'status.publish',
  scheduled: 'status.schedule',
  paused: 'status.pause',
  ended: 'status.end',
};

/** Publish, schedule, pause or end. Ending is final, so it asks once more, inline. */
export function StatusActions({
  campaign,
  onChanged,
}: {
  campaign: TCampaignAdmin;
  onChanged: (c: TCampaignAdmin) => void;
}) {
  const { at } = useAdminText();
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState<{
    code: ReturnType<typeof errorCodeOf>;
    detail: string | null;
  } | null>(null);
  const moves = MOVES[campaign.status];

  const move = (status: CampaignStatusTarget) => {
    setBusy(true);
    setError(null);
    adminApi
      .setStatus(campaign.id, status)
      .then(onChanged, (err: unknown) =>
        setError({
          code: errorCodeOf(err),
          detail: err instanceof ApiError ? (err.fieldIssue('status')?.message ?? null) : null,
        }),
      )
      .finally(() => {
        setBusy(false);
        setConfirmEnd(false);
      });
  };

  return (
    <section className="admin-status" aria-labelledby="status-title">
      <h2 id="status-title" className="card__title">
        {at('status.title')}
      </h2>
      <p>
        <span className={`admin-badge admin-badge--${campaign.status}`}>
          {at(`campaignStatus.${campaign.status}`)}
        </span>{' '}
        <span className="muted">{at(`status.explain.${campaign.status}`)}</span>
      </p>
      {moves.length > 0 && (
        <div className="admin-actions">
          {moves.map((to) =>
            to === 'ended' ? null : (
              <button
                key={to}
                type="button"
                className={`button button--small ${to === 'active' ? 'button--primary' : 'button--secondary'}`}
                disabled={busy}
                onClick={() => move(to)}
              >
                {campaign.status === 'paused' && to === 'active'
                  ? at('status.resume')
                  : at(LABEL[to])}
              </button>
            ),
          )}
          {moves.includes('ended') &&
            (confirmEnd ? (
              <span className="admin-confirm" role="group" aria-label={at('status.confirmEnd')}>
                <span>{at('status.confirmEnd')}</span>
                <button
                  type="button"
                  className="button button--small admin-danger"
                  disabled={busy}
                  onClick={() => move('ended')}
                >
                  {at('status.endForGood')}
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setConfirmEnd(false)}
                >
                  {at('common.cancel')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={busy}
                onClick={() => setConfirmEnd(true)}
              >
                {at('status.end')}
              </button>
            ))}
        </div>
      )}
      {error && (
        <>
          <ErrorNotice code={error.code} />
          {error.detail && <p className="field__error">{error.detail}</p>}
        </>
      )}
    </section>
  );
}
