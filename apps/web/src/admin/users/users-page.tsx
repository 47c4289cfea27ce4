import { useState, type FormEvent } from 'react';
import { ZRole, type Role } from '@playloop/shared';
import type { ClientErrorCode } from '../../api/api-error';
import { TextField } from '../../app/text-field';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { fieldErrorsOf, type FieldErrors } from '../ui/field-errors';
import { FieldShell } from '../ui/field-shell';
import { errorCodeOf, useLoad } from '../use-load';

/** `/admin/users`: who has which role, and granting one by email (it applies from their next sign-in). */
export function UsersPage() {
  const { at, formatDate, errorMessage } = useAdminText();
  useDocumentTitle(at('nav.users'));
  const users = useLoad(() => adminApi.users(), 'users');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('marketing');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<
    | { kind: 'idle' | 'saving' }
    | { kind: 'done'; email: string; role: string }
    | { kind: 'failed'; code: ClientErrorCode }
  >({ kind: 'idle' });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    adminApi.setRole(email, role).then(
      (r) => {
        setErrors({});
        setState({ kind: 'done', email, role: r.role });
        users.reload();
      },
      (err: unknown) => {
        setErrors(fieldErrorsOf(err));
        setState({ kind: 'failed', code: errorCodeOf(err) });
      },
    );
  };

  return (
    <div className="admin-page">
      <h1>{at('nav.users')}</h1>
      <form
        className="admin-form card admin-role-form"
        noValidate
        onSubmit={onSubmit}
        aria-labelledby="grant-title"
      >
        <h2 id="grant-title" className="card__title">
          {at('users.grant')}
        </h2>
        <TextField
          label={at('users.email')}
          type="email"
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <FieldShell label={at('users.role')} error={errors.role}>
          {(aria) => (
            <select
              {...aria}
              className="field__input"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {ZRole.options.map((r) => (
                <option key={r} value={r}>
                  {at(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <div className="admin-form__footer">
          {state.kind === 'done' && (
            <p className="notice notice--success" role="status">
              {at('users.granted', { email: state.email, role: at(`role.${state.role as Role}`) })}
            </p>
          )}
          {state.kind === 'failed' && Object.keys(errors).length === 0 && (
            <p className="notice notice--error" role="alert">
              {errorMessage(state.code)}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary"
            disabled={state.kind === 'saving'}
          >
            {at('users.save')}
          </button>
        </div>
      </form>
      {users.status === 'failed' && <ErrorNotice code={users.error} onRetry={users.reload} />}
      {users.data === null ? (
        users.status === 'loading' && <Loading />
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{at('nav.users')}</caption>
            <thead>
              <tr>
                <th scope="col">{at('users.name')}</th>
                <th scope="col">{at('users.email')}</th>
                <th scope="col">{at('users.role')}</th>
                <th scope="col">{at('users.since')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.displayName}</th>
                  <td>{u.email}</td>
                  <td>{at(`role.${u.role}`)}</td>
                  <td>{formatDate(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
