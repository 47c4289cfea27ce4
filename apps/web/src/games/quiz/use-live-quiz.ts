import { useCallback, useEffect, useReducer } from 'react';
import { useRealtime } from '../../realtime/realtime-context';
import { initialLiveQuiz, liveQuizReducer, type LiveQuizState } from './quiz-state';

/**
 * One live session on the app's realtime connection: joins (again after every reconnect, drawing
 * the screen from the snapshot the server returns), listens to the session's pushes, sends
 * answers, and leaves when the page goes away.
 */
export function useLiveQuiz(sessionId: string): {
  state: LiveQuizState;
  answer: (index: number) => Promise<void>;
} {
  const { status, connectionEpoch, subscribe, request } = useRealtime();
  const [state, dispatch] = useReducer(liveQuizReducer, initialLiveQuiz);

  useEffect(() => {
    const mine =
      <T extends { sessionId: string }>(handle: (p: T) => void) =>
      (p: T) => {
        if (p.sessionId === sessionId) handle(p);
      };
    const offs = [
      subscribe(
        'quiz:lobby',
        mine((payload) => dispatch({ type: 'quiz:lobby', payload })),
      ),
      subscribe(
        'quiz:question',
        mine((payload) => dispatch({ type: 'quiz:question', payload })),
      ),
      subscribe(
        'quiz:reveal',
        mine((payload) => dispatch({ type: 'quiz:reveal', payload })),
      ),
      subscribe(
        'quiz:ended',
        mine((payload) => dispatch({ type: 'quiz:ended', payload })),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, [sessionId, subscribe]);

  useEffect(() => {
    if (status !== 'live') return;
    let cancelled = false;
    request('quiz:join', { sessionId }).then((ack) => {
      if (cancelled) return;
      if (ack.ok) dispatch({ type: 'snapshot', snapshot: ack.data });
      else dispatch({ type: 'error', code: ack.error.code });
    });
    return () => {
      cancelled = true;
    };
  }, [sessionId, status, connectionEpoch, request]);

  useEffect(() => () => void request('quiz:leave', { sessionId }), [sessionId, request]);

  const answer = useCallback(
    async (index: number) => {
      const questionIndex = state.question?.question.index;
      if (questionIndex === undefined) return;
      dispatch({ type: 'answer-sending', index });
      const ack = await request('quiz:answer', { sessionId, questionIndex, answerIndex: index });
      if (ack.ok) dispatch({ type: 'answer-taken', index });
      else dispatch({ type: 'answer-refused', code: ack.error.code });
    },
    [request, sessionId, state.question],
  );

  return { state, answer };
}
