import { useState } from 'react';
import { ZPayoutStatus, type TPayoutStatus, type TSupportAction } from '@playloop/shared';
import type { ClientErrorCode } from '../../api/api-error';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { PayoutKpisCard } from '../dashboard/payout-kpis-card';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { FieldShell } from '../ui/field-shell';
import { errorCodeOf, useLoad } from '../use-load';

/**
 * `/admin/payouts`: the support queue (escalated payouts by default) with retry and refund. Switching
 * provider needs a payout's full context (its allowed providers) and is not offered here yet.
 */
export function PayoutsPage() {
  const { at, formatDate } = useAdminText();
  useDocumentTitle(at('nav.payouts'));
  const [status, setStatus] = useState<TPayoutStatus>('escalated');
  const queue = useLoad(() => adminApi.payoutQueue(status), status);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<
    | { id: string; ok: true; action: TSupportAction }
    | { id: string; ok: false; code: ClientErrorCode }
    | null
  >(null);

  const act = (id: string, action: 'retry' | 'refund') => {
    setBusy(id);
    adminApi
      .payoutAction(id, { action })
      .then(
        () => {
          setResult({ id, ok: true, action });
          queue.reload();
        },
        (err: unknown) => setResult({ id, ok: false, code: errorCodeOf(err) }),
      )
      .finally(() => setBusy(null));
  };

  return (
    <div className="admin-page">
      <h1>{at('nav.payouts')}</h1>
      <FieldShell label={at('payouts.status')}>
        {(aria) => (
          <select
            {...aria}
            className="field__input admin-narrow-input"
            value={status}
            onChange={(e) => setStatus(e.target.value as TPayoutStatus)}
          >
            {ZPayoutStatus.options.map((s) => (
              <option key={s} value={s}>
                {at(`payoutStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {result &&
        (result.ok ? (
          <p className="notice notice--success" role="status">
            {at(`payouts.done.${result.action}`)}
          </p>
        ) : (
          <ErrorNotice code={result.code} />
        ))}
      {queue.status === 'failed' && <ErrorNotice code={queue.error} onRetry={queue.reload} />}
      {queue.data === null ? (
        queue.status === 'loading' && <Loading />
      ) : queue.data.payouts.length === 0 ? (
        <p className="notice notice--info">{at('payouts.empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{at('payouts.reward')}</th>
                <th scope="col">{at('payouts.player')}</th>
                <th scope="col">{at('payouts.provider')}</th>
                <th scope="col" className="num">
                  {at('payouts.attempts')}
                </th>
                <th scope="col">{at('payouts.why')}</th>
                <th scope="col">{at('payouts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.payouts.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.title}
                    <span className="admin-table__sub">{formatDate(p.createdAt)}</span>
                  </th>
                  <td>{p.userEmail}</td>
                  <td>{p.provider ?? '—'}</td>
                  <td className="num">{p.attempts}</td>
                  <td>{p.escalationReason ?? p.lastErrorCategory ?? '—'}</td>
                  <td>
                    {p.status === 'escalated' && (
                      <span className="admin-actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={busy !== null}
                          onClick={() => act(p.id, 'retry')}
                        >
                          {at('payouts.retry')}
                        </button>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          disabled={busy !== null}
                          onClick={() => act(p.id, 'refund')}
                        >
                          {at('payouts.refund')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PayoutKpisCard />
    </div>
  );
}
