import { useState } from 'react';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { useLoad } from '../use-load';

const show = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v, null, 2));

/** `/admin/audit`: who did what, newest first, refusals included; filter by text or outcome. */
export function AuditPage() {
  const { at, formatDate } = useAdminText();
  useDocumentTitle(at('nav.audit'));
  const audit = useLoad(() => adminApi.audit(), 'audit');
  const [query, setQuery] = useState('');
  const [onlyRefused, setOnlyRefused] = useState(false);
  const q = query.trim().toLowerCase();
  const entries = (audit.data?.entries ?? []).filter(
    (e) =>
      (!onlyRefused || e.outcome === 'refused') &&
      (!q ||
        [e.action, e.entityType, e.entityId, e.actorId, e.reason].some((s) =>
          s?.toLowerCase().includes(q),
        )),
  );
  return (
    <div className="admin-page">
      <div className="admin-page__head">
        <h1>{at('nav.audit')}</h1>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={audit.reload}
        >
          {at('common.refresh')}
        </button>
      </div>
      <div className="admin-filters">
        <label className="field">
          <span className="field__label">{at('audit.filter')}</span>
          <input
            className="field__input"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <label className="admin-check">
          <input
            type="checkbox"
            checked={onlyRefused}
            onChange={(e) => setOnlyRefused(e.target.checked)}
          />{' '}
          {at('audit.onlyRefused')}
        </label>
      </div>
      {audit.status === 'failed' && <ErrorNotice code={audit.error} onRetry={audit.reload} />}
      {audit.data === null ? (
        audit.status === 'loading' && <Loading />
      ) : entries.length === 0 ? (
        <p className="muted">{at('audit.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{at('nav.audit')}</caption>
            <thead>
              <tr>
                <th scope="col">{at('audit.when')}</th>
                <th scope="col">{at('audit.who')}</th>
                <th scope="col">{at('audit.action')}</th>
                <th scope="col">{at('audit.entity')}</th>
                <th scope="col">{at('audit.outcome')}</th>
                <th scope="col">{at('audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at)}</td>
                  <td>
                    {e.actorId ?? '—'}
                    {e.actorRole && <span className="admin-table__sub">{e.actorRole}</span>}
                  </td>
                  <th scope="row">{e.action}</th>
                  <td>
                    {e.entityType}
                    {e.entityId && <span className="admin-table__sub">{e.entityId}</span>}
                  </td>
                  <td>
                    <span
                      className={`admin-badge admin-badge--${e.outcome === 'ok' ? 'active' : 'ended'}`}
                    >
                      {at(`audit.${e.outcome}`)}
                    </span>
                    {e.reason && <span className="admin-table__sub">{e.reason}</span>}
                  </td>
                  <td>
                    {(e.before !== null || e.after !== null) && (
                      <details>
                        <summary>{at('audit.show')}</summary>
                        {e.before !== null && e.before !== undefined && (
                          <pre className="admin-pre">
                            {at('audit.before')}: {show(e.before)}
                          </pre>
                        )}
                        {e.after !== null && e.after !== undefined && (
                          <pre className="admin-pre">
                            {at('audit.after')}: {show(e.after)}
                          </pre>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
