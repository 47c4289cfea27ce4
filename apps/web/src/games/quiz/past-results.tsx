import { useEffect, useState } from 'react';
import type { TQuizResults } from '@playloop/shared';
import type { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { quizApi } from './quiz-api';
import { ResultsScreen } from './results-screen';
import { useQuizText } from './quiz-text';

/** A show that is over and no longer live: its final results from the api. */
export function PastResults({ sessionId }: { sessionId: string }) {
  const t = useQuizText();
  const { errorMessage } = useI18n();
  const [results, setResults] = useState<TQuizResults | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    quizApi.results(sessionId).then(setResults, setError);
  }, [sessionId]);
  if (error)
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(error.code)}
      </p>
    );
  if (!results)
    return (
      <p className="page-loading" role="status">
        {t('conn.waiting')}
      </p>
    );
  const { session, top, you } = results;
  return (
    <ResultsScreen
      ended={{
        sessionId: session.id,
        version: 0,
        questionCount: session.questionCount,
        playerCount: session.playerCount ?? 0,
        top,
        you,
        serverNow: 0,
      }}
    />
  );
}
