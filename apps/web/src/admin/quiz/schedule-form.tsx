import { useState, type FormEvent } from 'react';
import type { TQuizSessionSummary } from '@playloop/shared';
import type { ClientErrorCode } from '../../api/api-error';
import { TextField } from '../../app/text-field';
import { adminApi } from '../admin-api';
import { fromLocalInput, toLocalInput } from '../campaigns/campaign-draft';
import { useAdminText } from '../i18n/use-admin-text';
import { fieldErrorsOf, type FieldErrors } from '../ui/field-errors';
import { useFocusFirstInvalid } from '../ui/use-focus-first-invalid';
import { errorCodeOf } from '../use-load';
import type { AddedQuestion } from './question-form';

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** Schedules a live show from questions added to the bank, in the order they were ticked. */
export function ScheduleForm(props: {
  campaignId: string;
  questions: AddedQuestion[];
  onScheduled: (s: TQuizSessionSummary) => void;
}) {
  const { at, errorMessage } = useAdminText();
  const [form, setForm] = useState(() => ({
    title: 'Live quiz',
    startsAt: toLocalInput(new Date(Date.now() + 15 * 60_000).toISOString()),
    lobbySeconds: '60',
    revealSeconds: '6',
    participation: '10',
    perCorrect: '20',
    podium: '300, 200, 100',
  }));
  const [picked, setPicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstInvalid(errors);
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' | 'done' } | { kind: 'failed'; code: ClientErrorCode }
  >({ kind: 'idle' });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const toggle = (id: string) =>
    setPicked(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    const podium = form.podium
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(Number);
    adminApi
      .scheduleQuiz({
        campaignId: props.campaignId,
        title: form.title,
        startsAt: fromLocalInput(form.startsAt),
        questionIds: picked,
        lobbySeconds: num(form.lobbySeconds),
        revealSeconds: num(form.revealSeconds),
        rewardRules: {
          participation: num(form.participation),
          perCorrect: num(form.perCorrect),
          podium,
        },
      })
      .then(
        (session) => {
          setErrors({});
          setPicked([]);
          setState({ kind: 'done' });
          props.onScheduled(session);
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
      aria-labelledby="schedule-title"
    >
      <h2 id="schedule-title" className="card__title">
        {at('quiz.scheduleTitle')}
      </h2>
      <TextField
        label={at('quiz.sessionTitle')}
        value={form.title}
        error={errors.title}
        onChange={(e) => set({ title: e.target.value })}
      />
      <TextField
        label={at('quiz.startsAt')}
        type="datetime-local"
        value={form.startsAt}
        error={errors.startsAt}
        onChange={(e) => set({ startsAt: e.target.value })}
      />
      <div className="admin-grid-2">
        <TextField
          label={at('quiz.lobbySeconds')}
          type="number"
          value={form.lobbySeconds}
          error={errors.lobbySeconds}
          onChange={(e) => set({ lobbySeconds: e.target.value })}
        />
        <TextField
          label={at('quiz.revealSeconds')}
          type="number"
          value={form.revealSeconds}
          error={errors.revealSeconds}
          onChange={(e) => set({ revealSeconds: e.target.value })}
        />
        <TextField
          label={at('quiz.participation')}
          type="number"
          value={form.participation}
          error={errors['rewardRules.participation']}
          onChange={(e) => set({ participation: e.target.value })}
        />
        <TextField
          label={at('quiz.perCorrect')}
          type="number"
          value={form.perCorrect}
          error={errors['rewardRules.perCorrect']}
          onChange={(e) => set({ perCorrect: e.target.value })}
        />
      </div>
      <TextField
        label={at('quiz.podium')}
        hint={at('quiz.podiumHint')}
        value={form.podium}
        error={errors['rewardRules.podium']}
        onChange={(e) => set({ podium: e.target.value })}
      />
      <fieldset
        className="admin-fieldset"
        aria-describedby={errors.questionIds ? 'question-ids-error' : undefined}
      >
        <legend>{at('quiz.pickQuestions')}</legend>
        {errors.questionIds && (
          <p id="question-ids-error" className="field__error">
            {errors.questionIds}
          </p>
        )}
        {props.questions.length === 0 ? (
          <p className="muted">{at('quiz.noQuestionsYet')}</p>
        ) : (
          props.questions.map((q) => (
            <label key={q.id} className="admin-check">
              <input
                type="checkbox"
                checked={picked.includes(q.id)}
                onChange={() => toggle(q.id)}
              />{' '}
              {picked.includes(q.id) && (
                <span className="admin-check__order">{picked.indexOf(q.id) + 1}.</span>
              )}{' '}
              {q.text}
              {q.sessionCount !== undefined && q.sessionCount > 0 && (
                <span className="muted"> · {at('quiz.usedIn', { count: q.sessionCount })}</span>
              )}
            </label>
          ))
        )}
      </fieldset>
      <div className="admin-form__footer">
        {state.kind === 'done' && (
          <p className="notice notice--success" role="status">
            {at('quiz.scheduled')}
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
          {at('quiz.schedule')}
        </button>
      </div>
    </form>
  );
}
