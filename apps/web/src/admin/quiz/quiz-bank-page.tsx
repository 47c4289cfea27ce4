import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TQuizBankQuestion } from '@playloop/shared';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { adminApi } from '../admin-api';
import { CampaignTabs } from '../campaigns/campaign-tabs';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice, Loading } from '../ui/error-notice';
import { useLoad } from '../use-load';
import { BankList } from './bank-list';
import { QuestionForm, type EditedQuestion } from './question-form';
import { ScheduleForm } from './schedule-form';

/**
 * `/admin/campaigns/:campaignId/quiz`: fill the question bank and schedule live shows from any of
 * its questions. The bank is listed without correct answers: those leave the server only in a
 * question's reveal.
 */
export function QuizBankPage() {
  const { campaignId = '' } = useParams();
  const { at, formatDate } = useAdminText();
  useDocumentTitle(at('quiz.title'));
  const bank = useLoad(() => adminApi.quizBank(campaignId), campaignId);
  const sessions = useLoad(() => adminApi.quizSessions(campaignId), campaignId);
  const [editing, setEditing] = useState<TQuizBankQuestion | null>(null);
  const [edited, setEdited] = useState<EditedQuestion | null>(null);
  const onEdited = (result: EditedQuestion) => {
    setEditing(null);
    setEdited(result);
    bank.reload();
  };
  return (
    <div className="admin-page">
      <p className="admin-breadcrumb">
        <Link to="/admin/campaigns">{at('nav.campaigns')}</Link>
      </p>
      <h1>{at('quiz.title')}</h1>
      <CampaignTabs campaignId={campaignId} />
      <p className="muted">{at('quiz.bankNote')}</p>
      {bank.status === 'failed' && <ErrorNotice code={bank.error} onRetry={bank.reload} />}
      {edited && (
        <p className="notice notice--success" role="status">
          {edited.replaced
            ? at('quiz.editedAsNew', { count: edited.showsUpdated })
            : at('quiz.editedInPlace')}
        </p>
      )}
      <div className="admin-columns">
        <QuestionForm
          key={editing?.id ?? 'new'}
          campaignId={campaignId}
          editing={editing}
          onAdded={() => (setEdited(null), bank.reload())}
          onEdited={onEdited}
          onCancel={() => setEditing(null)}
        />
        <ScheduleForm
          campaignId={campaignId}
          questions={bank.data?.questions ?? []}
          onScheduled={() => (sessions.reload(), bank.reload())}
        />
      </div>
      <BankList
        questions={bank.data?.questions ?? []}
        onRetired={bank.reload}
        onEdit={(q) => (setEdited(null), setEditing(q))}
      />
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="card__title">
          {at('quiz.sessions')}
        </h2>
        {sessions.status === 'failed' && (
          <ErrorNotice code={sessions.error} onRetry={sessions.reload} />
        )}
        {sessions.data === null ? (
          sessions.status === 'loading' && <Loading />
        ) : sessions.data.sessions.length === 0 ? (
          <p className="muted">{at('quiz.noSessions')}</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{at('quiz.sessionTitle')}</th>
                <th scope="col">{at('quiz.startsAt')}</th>
                <th scope="col">{at('campaigns.status')}</th>
                <th scope="col" className="num">
                  {at('quiz.questionCount')}
                </th>
                <th scope="col" className="num">
                  {at('quiz.players')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  <td>{formatDate(s.startsAt)}</td>
                  <td>{at(`quizStatus.${s.status}`)}</td>
                  <td className="num">{s.questionCount}</td>
                  <td className="num">{s.playerCount ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
