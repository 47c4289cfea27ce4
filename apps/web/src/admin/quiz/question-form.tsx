import { useState, type FormEvent } from 'react';
import { QUIZ_MAX_ANSWERS } from '@playloop/shared';
import { TextField } from '../../app/text-field';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { errorsUnder, fieldErrorsOf, type FieldErrors } from '../ui/field-errors';
import { useFocusFirstInvalid } from '../ui/use-focus-first-invalid';
import { errorCodeOf } from '../use-load';
import type { ClientErrorCode } from '../../api/api-error';

export interface AddedQuestion {
  id: string;
  text: string;
  /** Shows that already ask it (from the bank list). */
  sessionCount?: number;
}

const blank = () => ({
  text: '',
  answers: ['', ''],
  correctIndex: 0,
  timeLimitSeconds: '15',
  imageUrl: '',
});

/** Adds one question to the campaign's bank; the right answer goes to the server and stays there. */
export function QuestionForm({
  campaignId,
  onAdded,
}: {
  campaignId: string;
  onAdded: (q: AddedQuestion) => void;
}) {
  const { at, errorMessage } = useAdminText();
  const [q, setQ] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstInvalid(errors);
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' | 'added' } | { kind: 'failed'; code: ClientErrorCode }
  >({ kind: 'idle' });
  const answerErrors = errorsUnder(errors, 'answers');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    const timeLimit = q.timeLimitSeconds.trim() === '' ? Number.NaN : Number(q.timeLimitSeconds);
    adminApi
      .addQuestion({
        campaignId,
        text: q.text,
        answers: q.answers,
        correctIndex: q.correctIndex,
        timeLimitSeconds: timeLimit,
        imageUrl: q.imageUrl.trim() || null,
      })
      .then(
        (created) => {
          onAdded({ id: created.id, text: q.text.trim() });
          setErrors({});
          setQ(blank());
          setState({ kind: 'added' });
        },
        (err: unknown) => {
          setErrors(fieldErrorsOf(err));
          setState({ kind: 'failed', code: errorCodeOf(err) });
        },
      );
  };

  return (
    <form
      ref={formRef}
      className="admin-form card"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="question-form-title"
    >
      <h2 id="question-form-title" className="card__title">
        {at('quiz.addTitle')}
      </h2>
      <TextField
        label={at('quiz.text')}
        value={q.text}
        error={errors.text}
        onChange={(e) => setQ({ ...q, text: e.target.value })}
      />
      <fieldset
        className="admin-fieldset"
        aria-describedby={errors.answers ? 'answers-error' : undefined}
      >
        <legend>{at('quiz.answers')}</legend>
        {errors.answers && (
          <p id="answers-error" className="field__error">
            {errors.answers}
          </p>
        )}
        {q.answers.map((a, i) => (
          <div key={i} className="admin-answer">
            <TextField
              label={at('quiz.answerN', { n: i + 1 })}
              value={a}
              error={answerErrors[String(i)]}
              onChange={(e) =>
                setQ({ ...q, answers: q.answers.map((x, j) => (j === i ? e.target.value : x)) })
              }
            />
            <label className="admin-answer__correct">
              <input
                type="radio"
                name="correct-answer"
                checked={q.correctIndex === i}
                onChange={() => setQ({ ...q, correctIndex: i })}
              />{' '}
              {at('quiz.correct')}
            </label>
          </div>
        ))}
        {errors.correctIndex && <p className="field__error">{errors.correctIndex}</p>}
        <div className="admin-actions">
          {q.answers.length < QUIZ_MAX_ANSWERS && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setQ({ ...q, answers: [...q.answers, ''] })}
            >
              {at('quiz.addAnswer')}
            </button>
          )}
          {q.answers.length > 2 && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() =>
                setQ({
                  ...q,
                  answers: q.answers.slice(0, -1),
                  correctIndex: Math.min(q.correctIndex, q.answers.length - 2),
                })
              }
            >
              {at('quiz.removeAnswer')}
            </button>
          )}
        </div>
      </fieldset>
      <div className="admin-grid-2">
        <TextField
          label={at('quiz.timeLimit')}
          type="number"
          inputMode="numeric"
          value={q.timeLimitSeconds}
          error={errors.timeLimitSeconds}
          hint={at('quiz.timeLimitHint')}
          onChange={(e) => setQ({ ...q, timeLimitSeconds: e.target.value })}
        />
        <TextField
          label={at('campaign.imageUrl')}
          type="url"
          value={q.imageUrl}
          error={errors.imageUrl}
          onChange={(e) => setQ({ ...q, imageUrl: e.target.value })}
        />
      </div>
      <div className="admin-form__footer">
        {state.kind === 'added' && (
          <p className="notice notice--success" role="status">
            {at('quiz.added')}
          </p>
        )}
        {state.kind === 'failed' && (
          <p className="notice notice--error" role="alert">
            {Object.keys(errors).length > 0
              ? at('common.fixFields', { n: Object.keys(errors).length })
              : errorMessage(state.code)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={state.kind === 'saving'}>
          {at('quiz.add')}
        </button>
      </div>
    </form>
  );
}
