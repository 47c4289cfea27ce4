import { useState } from 'react';
import type { TQuizBankQuestion } from '@playloop/shared';
import type { ClientErrorCode } from '../../api/api-error';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice } from '../ui/error-notice';
import { errorCodeOf } from '../use-load';

/**
 * The campaign's question bank (never with the correct answers), with a way to correct a question
 * (in the form above) and to retire one: new shows can no longer ask it; shows already scheduled
 * keep it.
 */
export function BankList(props: {
  questions: TQuizBankQuestion[];
  onRetired: () => void;
  onEdit: (q: TQuizBankQuestion) => void;
}) {
  const { at } = useAdminText();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  async function retire(q: TQuizBankQuestion) {
    if (!window.confirm(at('quiz.retireConfirm', { text: q.text }))) return;
    setBusy(q.id);
    setError(null);
    try {
      await adminApi.retireQuestion(q.id);
      props.onRetired();
    } catch (err) {
      setError(errorCodeOf(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="bank-title">
      <h2 id="bank-title" className="card__title">
        {at('quiz.bankTitle')}
      </h2>
      {error && <ErrorNotice code={error} />}
      {props.questions.length === 0 ? (
        <p className="muted">{at('quiz.noQuestionsYet')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{at('quiz.text')}</th>
              <th scope="col">{at('quiz.choices')}</th>
              <th scope="col" className="num">
                {at('quiz.shows')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{at('quiz.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.questions.map((q) => (
              <tr key={q.id}>
                <th scope="row">{q.text}</th>
                <td>{q.answers.join(' · ')}</td>
                <td className="num">{q.sessionCount}</td>
                <td className="admin-row-actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={at('quiz.editLabel', { text: q.text })}
                    onClick={() => props.onEdit(q)}
                  >
                    {at('quiz.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={busy === q.id}
                    aria-label={at('quiz.retireLabel', { text: q.text })}
                    onClick={() => void retire(q)}
                  >
                    {at('quiz.retire')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
