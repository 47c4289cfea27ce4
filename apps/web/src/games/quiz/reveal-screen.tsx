import type { TQuizQuestion, TQuizRevealEvent } from '@playloop/shared';
import { Leaderboard } from './leaderboard';
import { secondsLeft } from './server-clock';
import { ANSWER_LETTERS, useQuizText } from './quiz-text';

/** After the deadline: your result (announced), the correct answer, how everyone answered, the top ten. */
export function RevealScreen({
  reveal,
  question,
  serverNow,
}: {
  reveal: TQuizRevealEvent;
  question: TQuizQuestion | null;
  serverNow: number;
}) {
  const t = useQuizText();
  const label = (i: number) =>
    `${ANSWER_LETTERS[i]}${question?.answers[i] ? `: ${question.answers[i]}` : ''}`;
  const correct = label(reveal.correctIndex);
  const you = reveal.you;
  const verdict = !you
    ? ''
    : you.isCorrect
      ? t('reveal.correct', { points: you.points.toLocaleString() })
      : you.answerIndex === null
        ? t('reveal.none', { answer: correct })
        : t('reveal.wrong', { answer: correct });
  const total = Math.max(1, reveal.answeredCount);
  const isLast = reveal.questionIndex + 1 >= reveal.questionCount;
  const left = secondsLeft(reveal.nextAt, serverNow);
  return (
    <section className="quiz-card quiz-reveal" aria-labelledby="quiz-reveal-title">
      <h2 id="quiz-reveal-title" className="visually-hidden">
        {t('reveal.title')}
      </h2>
      {/* One atomic announcement per reveal: the result and the standing together. */}
      <div
        className={`quiz-verdict${you?.isCorrect ? ' quiz-verdict--right' : you ? ' quiz-verdict--wrong' : ''}`}
        role="status"
        aria-atomic="true"
      >
        {verdict && <p className="quiz-verdict__headline">{verdict}</p>}
        {you && (
          <p>{t('reveal.standing', { score: you.score.toLocaleString(), rank: you.rank })}</p>
        )}
        {you?.isCorrect && (you.speedBonus > 0 || you.streakBonus > 0) && (
          <p className="muted">
            {[
              you.speedBonus > 0 && t('reveal.speedBonus', { points: you.speedBonus }),
              you.streakBonus > 0 && t('reveal.streakBonus', { points: you.streakBonus }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
        {!you && (
          <p className="quiz-verdict__headline">{t('reveal.answerWas', { answer: correct })}</p>
        )}
      </div>
      <h3 className="quiz-reveal__subtitle">{t('reveal.distribution')}</h3>
      <ul className="quiz-distribution">
        {reveal.distribution.map((count, i) => (
          <li
            key={i}
            className={i === reveal.correctIndex ? 'quiz-distribution__item--correct' : undefined}
          >
            <span className="quiz-distribution__label">
              {label(i)}
              {i === reveal.correctIndex && (
                <span className="quiz-distribution__mark"> ✓ {t('reveal.correctMark')}</span>
              )}
            </span>
            <span className="quiz-distribution__bar" aria-hidden="true">
              <span style={{ transform: `scaleX(${count / total})` }} />
            </span>
            <span className="quiz-distribution__count">{t('reveal.picked', { count })}</span>
          </li>
        ))}
      </ul>
      <p className="muted">
        {isLast ? t('reveal.last', { s: left }) : t('reveal.next', { s: left })}
      </p>
      <Leaderboard rows={reveal.top} />
    </section>
  );
}
