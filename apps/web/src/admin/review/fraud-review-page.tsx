import { useState } from 'react';
import type { ClientErrorCode } from '../../api/api-error';
import { TextField } from '../../app/text-field';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { ExportButtons } from '../ui/export-buttons';
import { errorCodeOf, useLoad } from '../use-load';
import { FlaggedItem } from './flagged-item';

type Outcome =
  | { kind: 'done'; decision: 'approve' | 'reject'; updated: number; skipped: number }
  | { kind: 'failed'; code: ClientErrorCode };

/** `/admin/review`: the fraud queue. Pick any number, then approve or reject them in one go. */
export function FraudReviewPage() {
  const { at } = useAdminText();
  useDocumentTitle(at('nav.review'));
  const queue = useLoad(() => adminApi.flagged(), 'flagged');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const items = queue.data?.referrals ?? [];
  const allSelected = items.length > 0 && items.every((r) => selected.has(r.id));

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const decide = (decision: 'approve' | 'reject') => {
    setBusy(true);
    setOutcome(null);
    adminApi
      .review({
        referralIds: [...selected],
        decision,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      .then(
        (result) => {
          setOutcome({
            kind: 'done',
            decision,
            updated: result.updated.length,
            skipped: result.skipped.length,
          });
          setSelected(new Set());
          setNote('');
          queue.reload();
        },
        (err: unknown) => setOutcome({ kind: 'failed', code: errorCodeOf(err) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="admin-page">
      <div className="admin-page__head">
        <h1>{at('nav.review')}</h1>
        <ExportButtons />
      </div>
      <p className="muted">{at('review.lead')}</p>
      {queue.status === 'failed' && <ErrorNotice code={queue.error} onRetry={queue.reload} />}
      {outcome?.kind === 'done' && (
        <p className="notice notice--success" role="status">
          {at(outcome.decision === 'approve' ? 'review.approved' : 'review.rejected', {
            n: outcome.updated,
          })}
          {outcome.skipped > 0 && ` ${at('review.skipped', { n: outcome.skipped })}`}
        </p>
      )}
      {outcome?.kind === 'failed' && <ErrorNotice code={outcome.code} />}
      {queue.data === null ? (
        queue.status === 'loading' && <Loading />
      ) : items.length === 0 ? (
        <p className="notice notice--info">{at('review.empty')}</p>
      ) : (
        <>
          <div className="admin-review-bar" role="group" aria-label={at('review.actions')}>
            <label className="admin-check">
              <input
                type="checkbox"
                checked={allSelected}
                onChange={() =>
                  setSelected(allSelected ? new Set() : new Set(items.map((r) => r.id)))
                }
              />{' '}
              {at('review.selectAll', { n: items.length })}
            </label>
            <TextField
              label={at('review.note')}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy || selected.size === 0}
              onClick={() => decide('approve')}
            >
              {at('review.approve', { n: selected.size })}
            </button>
            <button
              type="button"
              className="button button--small admin-danger"
              disabled={busy || selected.size === 0}
              onClick={() => decide('reject')}
            >
              {at('review.reject', { n: selected.size })}
            </button>
          </div>
          <ul className="admin-flagged-list">
            {items.map((r) => (
              <FlaggedItem
                key={r.id}
                referral={r}
                selected={selected.has(r.id)}
                onToggle={() => toggle(r.id)}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
