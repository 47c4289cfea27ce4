import type { TQuizQuestion } from '@playloop/shared';
import { Countdown } from './countdown';
import { ANSWER_LETTERS, useQuizText } from './quiz-text';

export interface QuestionScreenProps {
  question: TQuizQuestion;
  deadline: number;
  serverNow: number;
  /** The chosen answer and whether the server has taken it. */
  picked: { index: number; status: 'sending' | 'taken' } | null;
  isWatching: boolean;
  canAnswer: boolean;
  error: string | null;
  onAnswer: (index: number) => void;
}

/** A question with its countdown and big answer buttons (one tap, then locked). */
export function QuestionScreen(p: QuestionScreenProps) {
  const t = useQuizText();
  const timeUp = p.serverNow >= p.deadline;
  const pickedText = p.picked
    ? `${ANSWER_LETTERS[p.picked.index]}: ${p.question.answers[p.picked.index]}`
    : '';
  let status = '';
  if (p.isWatching) status = t('q.watching');
  else if (p.picked?.status === 'sending') status = t('q.sending');
  else if (p.picked) status = t('q.locked', { answer: pickedText });
  else if (timeUp) status = t('q.timeUp');
  return (
    <section className="quiz-card quiz-question" aria-labelledby="quiz-question-text">
      <div className="quiz-question__head">
        <p className="quiz-question__progress">
          {t('q.of', { n: p.question.index + 1, count: p.question.count })}
        </p>
        <Countdown
          until={p.deadline}
          serverNow={p.serverNow}
          totalMs={p.question.timeLimitMs}
          label={t('q.timeLeft')}
        />
      </div>
      <h2 id="quiz-question-text" className="quiz-question__text">
        {p.question.text}
      </h2>
      {p.question.imageUrl && (
        <img className="quiz-question__image" src={p.question.imageUrl} alt="" />
      )}
      <div className="quiz-answers" role="group" aria-label={t('q.answers')}>
        {p.question.answers.map((text, i) => (
          <button
            key={i}
            type="button"
            className={`quiz-answer quiz-answer--${i}`}
            aria-pressed={p.picked?.index === i}
            disabled={!p.canAnswer}
            onClick={() => p.onAnswer(i)}
          >
            <span className="quiz-answer__letter" aria-hidden="true">
              {ANSWER_LETTERS[i]}
            </span>
            <span className="visually-hidden">{ANSWER_LETTERS[i]}: </span>
            {text}
          </button>
        ))}
      </div>
      <p className="quiz-question__status" role="status">
        {status}
      </p>
      {p.error && (
        <p className="notice notice--error" role="alert">
          {p.error}
        </p>
      )}
    </section>
  );
}
