import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TQuizBankQuestion } from '@playloop/shared';
import { TextField } from '../../app/text-field';
import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { fieldErrorsOf, type FieldErrors } from '../ui/field-errors';
import { AnswerFields } from './answer-fields';
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

export interface EditedQuestion {
  replaced: boolean;
  showsUpdated: number;
}

/** The bank's question in the form; its correct answer is not known here, so none is marked. */
const fromBank = (q: TQuizBankQuestion) => ({
  text: q.text,
  answers: q.answers,
  correctIndex: -1,
  timeLimitSeconds: String(q.timeLimitSeconds),
  imageUrl: q.imageUrl ?? '',
});

/**
 * Adds one question to the campaign's bank, or corrects one (`editing`); the right answer goes to
 * the server and stays there, so a correction marks it again.
 */
export function QuestionForm({
  campaignId,
  onAdded,
  editing = null,
  onEdited,
  onCancel,
}: {
  campaignId: string;
  onAdded: (q: AddedQuestion) => void;
  editing?: TQuizBankQuestion | null;
  onEdited?: (result: EditedQuestion) => void;
  onCancel?: () => void;
}) {
  const { at, errorMessage } = useAdminText();
  const [q, setQ] = useState(() => (editing ? fromBank(editing) : blank()));
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Editing starts from a button in the bank below: take the reader (and focus) to the form.
  useEffect(() => {
    if (editing) titleRef.current?.focus();
  }, [editing]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstInvalid(errors);
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' | 'added' } | { kind: 'failed'; code: ClientErrorCode }
  >({ kind: 'idle' });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    const timeLimit = q.timeLimitSeconds.trim() === '' ? Number.NaN : Number(q.timeLimitSeconds);
    const question = {
      text: q.text,
      answers: q.answers,
      correctIndex: q.correctIndex,
      timeLimitSeconds: timeLimit,
      imageUrl: q.imageUrl.trim() || null,
    };
    const failed = (err: unknown) => {
      setErrors(fieldErrorsOf(err));
      setState({ kind: 'failed', code: errorCodeOf(err) });
    };
    if (editing) {
      if (q.correctIndex < 0) {
        setErrors({ correctIndex: at('quiz.markCorrectAgain') });
        return setState({ kind: 'failed', code: 'VALIDATION_FAILED' });
      }
      adminApi.editQuestion(editing.id, question).then((edited) => onEdited?.(edited), failed);
      return;
    }
    adminApi.addQuestion({ campaignId, ...question }).then((created) => {
      onAdded({ id: created.id, text: q.text.trim() });
      setErrors({});
      setQ(blank());
      setState({ kind: 'added' });
    }, failed);
  };

  return (
    <form
      ref={formRef}
      className="admin-form card"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="question-form-title"
    >
      <h2 id="question-form-title" className="card__title" ref={titleRef} tabIndex={-1}>
        {editing ? at('quiz.editTitle') : at('quiz.addTitle')}
      </h2>
      <TextField
        label={at('quiz.text')}
        value={q.text}
        error={errors.text}
        onChange={(e) => setQ({ ...q, text: e.target.value })}
      />
      <AnswerFields
        answers={q.answers}
        correctIndex={q.correctIndex}
        errors={errors}
        markAgain={editing !== null}
        onChange={(answers, correctIndex) => setQ({ ...q, answers, correctIndex })}
      />
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
        {editing && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {at('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={state.kind === 'saving'}>
          {editing ? at('quiz.saveEdit') : at('quiz.add')}
        </button>
      </div>
    </form>
  );
}
