import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { TPublicCampaign, TQuizSessionSummary } from '@playloop/shared';
import type { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { quizApi } from './quiz-api';
import { useQuizText } from './quiz-text';
import './quiz.css';

interface CampaignShows {
  campaign: TPublicCampaign;
  sessions: TQuizSessionSummary[];
}

/** `/quiz`: the next live show of each running campaign, practice, and recent results. */
export function QuizIndexPage() {
  const t = useQuizText();
  const { errorMessage, locale } = useI18n();
  useDocumentTitle(t('title'));
  const [shows, setShows] = useState<CampaignShows[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let cancelled = false;
    quizApi
      .campaigns()
      .then(({ campaigns }) =>
        Promise.all(
          campaigns.map(async (campaign) => ({
            campaign,
            sessions: (await quizApi.sessions(campaign.id)).sessions,
          })),
        ),
      )
      .then(
        (list) => !cancelled && setShows(list),
        (err: ApiError) => !cancelled && setError(err),
      );
    return () => {
      cancelled = true;
    };
  }, []);

  const status = (s: TQuizSessionSummary) =>
    s.status === 'scheduled'
      ? t('index.next')
      : Date.parse(s.startsAt) > Date.now()
        ? t('index.lobby')
        : t('index.live');
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="quiz-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('index.lead')}</p>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
      {!shows && !error && (
        <p className="page-loading" role="status">
          {t('conn.waiting')}
        </p>
      )}
      {shows?.map(({ campaign, sessions }) => {
        const next = sessions.find((s) => s.status === 'running' || s.status === 'scheduled');
        const past = sessions.filter((s) => s.status === 'ended' || s.status === 'settled');
        return (
          <section
            key={campaign.id}
            className="quiz-card"
            aria-labelledby={`quiz-c-${campaign.id}`}
          >
            <h2 id={`quiz-c-${campaign.id}`}>{campaign.title}</h2>
            {next ? (
              <div className="quiz-next">
                <p>
                  <strong>{status(next)}</strong>: {next.title}
                  {Date.parse(next.startsAt) > Date.now() &&
                    ` · ${t('index.startsAt', { time: time(next.startsAt) })}`}
                </p>
                <Link className="button button--primary button--large" to={`/quiz/${next.id}`}>
                  {t('index.join')}
                </Link>
              </div>
            ) : (
              <p className="muted">{t('index.none')}</p>
            )}
            <div className="quiz-practice">
              <Link className="button button--secondary" to={`/quiz/practice/${campaign.id}`}>
                {t('index.practice')}
              </Link>
              <p className="muted">{t('index.practiceLead')}</p>
            </div>
            {past.length > 0 && (
              <>
                <h3>{t('index.recent')}</h3>
                <ul className="quiz-past">
                  {past.map((s) => (
                    <li key={s.id}>
                      <Link to={`/quiz/${s.id}`}>
                        {s.title} · {time(s.startsAt)}
                      </Link>{' '}
                      {s.playerCount !== null && (
                        <span className="muted">
                          {t('index.players', { count: s.playerCount })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
