import { QUIZ_MAX_ANSWERS } from '@playloop/shared';
import { TextField } from '../../app/text-field';
import { useAdminText } from '../i18n/use-admin-text';
import { errorsUnder, type FieldErrors } from '../ui/field-errors';

/**
 * A question's two to four answers, each with its "correct" radio. `markAgain`: the correct answer
 * is not known to the browser (a correction), so none is marked and the reader is told why.
 */
export function AnswerFields(props: {
  answers: string[];
  correctIndex: number;
  errors: FieldErrors;
  markAgain: boolean;
  onChange: (answers: string[], correctIndex: number) => void;
}) {
  const { at } = useAdminText();
  const answerErrors = errorsUnder(props.errors, 'answers');
  return (
    <fieldset
      className="admin-fieldset"
      aria-describedby={props.errors.answers ? 'answers-error' : undefined}
    >
      <legend>{at('quiz.answers')}</legend>
      {props.markAgain && <p className="field__hint">{at('quiz.markCorrectAgain')}</p>}
      {props.errors.answers && (
        <p id="answers-error" className="field__error">
          {props.errors.answers}
        </p>
      )}
      {props.answers.map((a, i) => (
        <div key={i} className="admin-answer">
          <TextField
            label={at('quiz.answerN', { n: i + 1 })}
            value={a}
            error={answerErrors[String(i)]}
            onChange={(e) =>
              props.onChange(
                props.answers.map((x, j) => (j === i ? e.target.value : x)),
                props.correctIndex,
              )
            }
          />
          <label className="admin-answer__correct">
            <input
              type="radio"
              name="correct-answer"
              checked={props.correctIndex === i}
              onChange={() => props.onChange(props.answers, i)}
            />{' '}
            {at('quiz.correct')}
          </label>
        </div>
      ))}
      {props.errors.correctIndex && <p className="field__error">{props.errors.correctIndex}</p>}
      <div className="admin-actions">
        {props.answers.length < QUIZ_MAX_ANSWERS && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => props.onChange([...props.answers, ''], props.correctIndex)}
          >
            {at('quiz.addAnswer')}
          </button>
        )}
        {props.answers.length > 2 && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() =>
              props.onChange(
                props.answers.slice(0, -1),
                Math.min(props.correctIndex, props.answers.length - 2),
              )
            }
          >
            {at('quiz.removeAnswer')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
