import type {
  ErrorCode,
  TQuizEndedEvent,
  TQuizLobbyEvent,
  TQuizQuestionEvent,
  TQuizRevealEvent,
  TQuizSnapshot,
} from '@playloop/shared';

export type LiveQuizPhase = 'connecting' | 'lobby' | 'question' | 'reveal' | 'ended';

/** What the live quiz screen draws from. Everything comes from the server; nothing is decided here. */
export interface LiveQuizState {
  phase: LiveQuizPhase;
  version: number;
  title: string;
  questionCount: number;
  lobby: TQuizLobbyEvent | null;
  question: TQuizQuestionEvent | null;
  reveal: TQuizRevealEvent | null;
  ended: TQuizEndedEvent | null;
  /** First question this player may answer; null when they only watch (joined after the end). */
  eligibleFrom: number | null;
  /** The answer taken for the current question, or one on its way. */
  answer: { index: number; status: 'sending' | 'taken' } | null;
  error: ErrorCode | 'NETWORK' | null;
}

export type LiveQuizAction =
  | { type: 'snapshot'; snapshot: TQuizSnapshot }
  | { type: 'quiz:lobby'; payload: TQuizLobbyEvent }
  | { type: 'quiz:question'; payload: TQuizQuestionEvent }
  | { type: 'quiz:reveal'; payload: TQuizRevealEvent }
  | { type: 'quiz:ended'; payload: TQuizEndedEvent }
  | { type: 'answer-sending'; index: number }
  | { type: 'answer-taken'; index: number }
  | { type: 'answer-refused'; code: ErrorCode | 'NETWORK' }
  | { type: 'error'; code: ErrorCode | 'NETWORK' };

export const initialLiveQuiz: LiveQuizState = {
  phase: 'connecting',
  version: -1,
  title: '',
  questionCount: 0,
  lobby: null,
  question: null,
  reveal: null,
  ended: null,
  eligibleFrom: null,
  answer: null,
  error: null,
};

/**
 * Applies a snapshot (always: it is the truth after a reconnect) or a pushed event (only if newer
 * than what is shown: pushes can arrive twice, or after the snapshot that already covered them).
 */
export function liveQuizReducer(state: LiveQuizState, action: LiveQuizAction): LiveQuizState {
  switch (action.type) {
    case 'snapshot': {
      const s = action.snapshot;
      const current =
        s.question && s.player?.currentAnswer != null
          ? { index: s.player.currentAnswer, status: 'taken' as const }
          : null;
      return {
        ...state,
        phase: s.phase,
        version: s.version,
        title: s.title,
        questionCount: s.questionCount,
        lobby: s.lobby,
        question: s.question,
        reveal: s.reveal,
        ended: s.ended,
        eligibleFrom: s.player?.eligibleFrom ?? null,
        answer: current,
        error: null,
      };
    }
    case 'quiz:lobby':
      if (action.payload.version <= state.version) return state;
      return {
        ...state,
        phase: 'lobby',
        version: action.payload.version,
        lobby: action.payload,
        questionCount: action.payload.questionCount,
      };
    case 'quiz:question':
      if (action.payload.version <= state.version) return state;
      return {
        ...state,
        phase: 'question',
        version: action.payload.version,
        question: action.payload,
        answer: null,
        error: null,
      };
    case 'quiz:reveal':
      if (action.payload.version <= state.version) return state;
      return { ...state, phase: 'reveal', version: action.payload.version, reveal: action.payload };
    case 'quiz:ended':
      if (action.payload.version <= state.version) return state;
      return { ...state, phase: 'ended', version: action.payload.version, ended: action.payload };
    case 'answer-sending':
      return state.answer
        ? state
        : { ...state, answer: { index: action.index, status: 'sending' }, error: null };
    case 'answer-taken':
      return { ...state, answer: { index: action.index, status: 'taken' } };
    case 'answer-refused':
      // Already answered (another tab, or before a reload): keep the lock; otherwise free the buttons.
      return {
        ...state,
        answer: action.code === 'QUIZ_ALREADY_ANSWERED' ? state.answer : null,
        error: action.code,
      };
    case 'error':
      return { ...state, error: action.code };
  }
}

/** Whether this player may still pick an answer for the question on screen. */
export function canAnswer(state: LiveQuizState, serverNow: number): boolean {
  const q = state.question;
  if (state.phase !== 'question' || !q || state.answer || state.eligibleFrom === null) return false;
  return q.question.index >= state.eligibleFrom && serverNow < q.deadline;
}
