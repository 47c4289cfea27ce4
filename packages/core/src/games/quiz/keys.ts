import { keyspace } from '../../redis/client.js';

/**
 * Redis layout of live quiz sessions (all under the configured prefix). Everything a round needs
 * to survive its conductor lives here, so any pod can take over from any other.
 */
export function quizKeys(prefix: string) {
  const k = keyspace(prefix);
  return {
    /** Hash: phase, q, version, timing fields and the current phase's public payload. */
    state: (s: string) => k('quiz', s, 'state'),
    /** String: the pod id conducting the session (SET NX PX). */
    lease: (s: string) => k('quiz', s, 'lease'),
    /** Hash: userId → `answerIndex:elapsedMs`, written once per user by HSETNX. */
    answers: (s: string, q: number) => k('quiz', s, 'answers', String(q)),
    /** Hash: userId → first question index the player may answer. */
    roster: (s: string) => k('quiz', s, 'roster'),
    /** Hash: userId → display name, for the top ten. */
    names: (s: string) => k('quiz', s, 'names'),
    /** Hash: userId → JSON standing after question q (immutable once written). */
    standings: (s: string, q: number) => k('quiz', s, 'standings', String(q)),
    /** Sorted set: userId → total score, rewritten from the standings at each reveal. */
    totals: (s: string) => k('quiz', s, 'totals'),
    /** Pub/sub channel: `{sessionId, version}` after every state change. */
    bus: () => k('quiz', 'bus'),
    /** Hash: a solo practice run. */
    solo: (runId: string) => k('quiz', 'solo', runId),
  };
}
export type QuizKeys = ReturnType<typeof quizKeys>;
