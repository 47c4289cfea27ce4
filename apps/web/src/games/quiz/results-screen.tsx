import type { TQuizEndedEvent } from '@playloop/shared';
import { Link } from 'react-router';
import { Leaderboard } from './leaderboard';
import { useQuizText } from './quiz-text';

/** The end: your place and reward (announced), and the final top ten. */
export function ResultsScreen({ ended }: { ended: TQuizEndedEvent }) {
  const t = useQuizText();
  const you = ended.you;
  return (
    <section className="quiz-card quiz-results" aria-labelledby="quiz-results-title">
      <h2 id="quiz-results-title">{t('results.title')}</h2>
      <div className="quiz-verdict quiz-verdict--final" role="status" aria-atomic="true">
        {you ? (
          <>
            <p className="quiz-verdict__headline">
              {t('results.you', {
                rank: you.rank,
                score: you.score.toLocaleString(),
                correct: you.correctCount,
                count: ended.questionCount,
              })}
            </p>
            {you.rewardPoints > 0 && (
              <p>{t('results.reward', { points: you.rewardPoints.toLocaleString() })}</p>
            )}
          </>
        ) : (
          <p>{t('results.watched')}</p>
        )}
      </div>
      <Leaderboard rows={ended.top} />
      <p>
        <Link className="button button--secondary" to="/quiz">
          {t('results.back')}
        </Link>
      </p>
    </section>
  );
}
