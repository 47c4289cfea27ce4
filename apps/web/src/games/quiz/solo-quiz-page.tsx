import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import type { TQuizSoloFinal, TQuizSoloQuestion, TQuizSoloResult } from '@playloop/shared';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { useRealtime } from '../../realtime/realtime-context';
import { QuestionScreen } from './question-screen';
import { ANSWER_LETTERS, useQuizText } from './quiz-text';
import { useServerNow, useServerOffset } from './use-server-clock';
import './quiz.css';

type Solo =
  | { step: 'idle' }
  | { step: 'question'; current: TQuizSoloQuestion; picked: number | null }
  | { step: 'result'; current: TQuizSoloQuestion; result: TQuizSoloResult }
  | { step: 'final'; final: TQuizSoloFinal };

/** `/quiz/practice/:campaignId`: solo practice, same questions and scoring, a daily reward cap. */
export function SoloQuizPage() {
  const { campaignId } = useParams();
  if (!campaignId) return <Navigate to="/quiz" replace />;
  return <SoloQuiz campaignId={campaignId} key={campaignId} />;
}

function SoloQuiz({ campaignId }: { campaignId: string }) {
  const t = useQuizText();
  const { errorMessage } = useI18n();
  useDocumentTitle(t('solo.title'));
  const { request, status } = useRealtime();
  const [solo, setSolo] = useState<Solo>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const offset = useServerOffset();
  const serverNow = useServerNow(offset, solo.step === 'question');

  const start = async () => {
    setError(null);
    const ack = await request('quiz:solo:start', { campaignId });
    if (ack.ok) setSolo({ step: 'question', current: ack.data, picked: null });
    else setError(errorMessage(ack.error.code));
  };

  const send = useCallback(
    async (current: TQuizSoloQuestion, answerIndex: number | null) => {
      setSolo({ step: 'question', current, picked: answerIndex });
      const ack = await request('quiz:solo:answer', {
        runId: current.runId,
        questionIndex: current.question.index,
        answerIndex,
      });
      if (ack.ok) setSolo({ step: 'result', current, result: ack.data });
      else if (ack.error.code !== 'QUIZ_ANSWER_LATE') setError(errorMessage(ack.error.code));
      // Late: the deadline passed on the way; the timeout below reports "no answer" instead.
    },
    [request, errorMessage],
  );

  // Time ran out with no answer: tell the server (it accepts that only after the deadline).
  const timedOut = solo.step === 'question' && serverNow > solo.current.deadline + 300;
  useEffect(() => {
    if (timedOut && solo.step === 'question') void send(solo.current, null);
  }, [timedOut, solo, send]);

  let body;
  if (solo.step === 'idle') {
    body = (
      <button
        type="button"
        className="button button--primary button--large"
        disabled={status !== 'live'}
        onClick={() => void start()}
      >
        {t('solo.start')}
      </button>
    );
  } else if (solo.step === 'question') {
    const { current, picked } = solo;
    body = (
      <QuestionScreen
        question={current.question}
        deadline={current.deadline}
        serverNow={serverNow}
        picked={picked === null ? null : { index: picked, status: 'sending' }}
        isWatching={false}
        canAnswer={picked === null && serverNow < current.deadline}
        error={error}
        onAnswer={(i) => void send(current, i)}
      />
    );
  } else if (solo.step === 'result') {
    const { current, result } = solo;
    const correct = `${ANSWER_LETTERS[result.correctIndex]}: ${current.question.answers[result.correctIndex]}`;
    const verdict = result.you.isCorrect
      ? t('reveal.correct', { points: result.you.points })
      : result.you.answerIndex === null
        ? t('reveal.none', { answer: correct })
        : t('reveal.wrong', { answer: correct });
    body = (
      <section className="quiz-card">
        <div
          className={`quiz-verdict ${result.you.isCorrect ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`}
          role="status"
          aria-atomic="true"
        >
          <p className="quiz-verdict__headline">{verdict}</p>
          <p>{t('solo.score', { score: result.you.score.toLocaleString() })}</p>
        </div>
        {result.next ? (
          <button
            type="button"
            className="button button--primary button--large"
            onClick={() =>
              result.next && setSolo({ step: 'question', current: result.next, picked: null })
            }
          >
            {t('solo.next')}
          </button>
        ) : (
          result.final && (
            <button
              type="button"
              className="button button--primary button--large"
              onClick={() => result.final && setSolo({ step: 'final', final: result.final })}
            >
              {t('results.title')}
            </button>
          )
        )}
      </section>
    );
  } else {
    const { final } = solo;
    body = (
      <section className="quiz-card">
        <div className="quiz-verdict quiz-verdict--final" role="status" aria-atomic="true">
          <p className="quiz-verdict__headline">
            {t('solo.final', {
              score: final.score.toLocaleString(),
              correct: final.correctCount,
              count: final.questionCount,
            })}
          </p>
          {final.rewardPoints > 0 && <p>{t('solo.reward', { points: final.rewardPoints })}</p>}
          {final.isCapped && <p className="muted">{t('solo.capped')}</p>}
        </div>
        <p>
          <button type="button" className="button button--primary" onClick={() => void start()}>
            {t('solo.again')}
          </button>{' '}
          <Link className="button button--secondary" to="/quiz">
            {t('results.back')}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <div className="quiz-page">
      <div className="page-head">
        <h1>{t('solo.title')}</h1>
      </div>
      {error && solo.step !== 'question' && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {body}
    </div>
  );
}
