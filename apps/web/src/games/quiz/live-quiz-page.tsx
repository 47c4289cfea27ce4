import { Navigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { LobbyScreen } from './lobby-screen';
import { PastResults } from './past-results';
import { QuestionScreen } from './question-screen';
import { canAnswer } from './quiz-state';
import { useQuizText } from './quiz-text';
import { ResultsScreen } from './results-screen';
import { RevealScreen } from './reveal-screen';
import { useLiveQuiz } from './use-live-quiz';
import { useServerNow, useServerOffset } from './use-server-clock';
import './quiz.css';

/** `/quiz/:sessionId`: the live show, from lobby to results. */
export function LiveQuizPage() {
  const { sessionId } = useParams();
  if (!sessionId) return <Navigate to="/quiz" replace />;
  return <LiveQuiz sessionId={sessionId} key={sessionId} />;
}

function LiveQuiz({ sessionId }: { sessionId: string }) {
  const t = useQuizText();
  const { errorMessage } = useI18n();
  const { state, answer } = useLiveQuiz(sessionId);
  const offset = useServerOffset();
  const serverNow = useServerNow(offset, state.phase !== 'ended');
  useDocumentTitle(state.title || t('title'));

  let body;
  if (state.phase === 'connecting' && state.error === 'QUIZ_SESSION_OVER') {
    body = <PastResults sessionId={sessionId} />;
  } else if (state.phase === 'connecting') {
    body = state.error ? (
      <p className="notice notice--error" role="alert">
        {errorMessage(state.error)}
      </p>
    ) : (
      <p className="page-loading" role="status">
        {t('conn.waiting')}
      </p>
    );
  } else if (state.phase === 'lobby' && state.lobby) {
    body = <LobbyScreen lobby={state.lobby} serverNow={serverNow} />;
  } else if (state.phase === 'question' && state.question) {
    const q = state.question;
    body = (
      <QuestionScreen
        question={q.question}
        deadline={q.deadline}
        serverNow={serverNow}
        picked={state.answer}
        isWatching={state.eligibleFrom !== null && q.question.index < state.eligibleFrom}
        canAnswer={canAnswer(state, serverNow)}
        error={
          state.error && state.error !== 'QUIZ_ALREADY_ANSWERED' ? errorMessage(state.error) : null
        }
        onAnswer={(i) => void answer(i)}
      />
    );
  } else if (state.phase === 'reveal' && state.reveal) {
    const q =
      state.question?.question.index === state.reveal.questionIndex
        ? state.question.question
        : null;
    body = <RevealScreen reveal={state.reveal} question={q} serverNow={serverNow} />;
  } else if (state.phase === 'ended' && state.ended) {
    body = <ResultsScreen ended={state.ended} />;
  }

  return (
    <div className="quiz-page">
      <div className="page-head">
        <h1>{state.title || t('title')}</h1>
      </div>
      {body}
    </div>
  );
}
