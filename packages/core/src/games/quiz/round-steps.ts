import type { EndedCommon, RevealCommon, RoundState } from './round-state.js';
import type { TransitionResult, TransitionSpec } from './round-scripts.js';
import { publicQuestion, type QuizQuestionRecord, type QuizSessionRecord } from './session-repo.js';

/** The step that opens question `q`: its public part, its choices, a deadline stamped on the Redis clock. */
export function questionStep(
  q: number,
  from: TransitionSpec['from'],
  dueField: TransitionSpec['dueField'],
  questions: QuizQuestionRecord[],
): TransitionSpec {
  const question = questions[q] as QuizQuestionRecord;
  return {
    from,
    dueField,
    to: { phase: 'question', q },
    fields: {
      payload: JSON.stringify(publicQuestion(question, q, questions.length)),
      choices: String(question.answers.length),
      timeLimitMs: String(question.timeLimitMs),
    },
    stampNow: 'startedAt',
    stampAfter: { field: 'deadline', afterMs: question.timeLimitMs },
  };
}

/** How long to sleep after a step: until it is due, at once, a moment after a stale read, or never (lease lost). */
export function delayOf(r: TransitionResult): number | null {
  if (r.status === 'wait') return r.waitMs;
  if (r.status === 'lost') return null;
  return r.status === 'stale' ? 50 : 0;
}

/** The final standings' public part, from the last reveal. */
export function endedCommon(st: RoundState, session: QuizSessionRecord): EndedCommon {
  const last = JSON.parse(st.payload) as RevealCommon;
  return {
    questionCount: last.questionCount,
    playerCount: last.playerCount,
    top: last.top,
    rewardRules: session.rewardRules,
  };
}
