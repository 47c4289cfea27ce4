import type {
  TQuizEndedEvent,
  TQuizLobbyEvent,
  TQuizQuestion,
  TQuizQuestionEvent,
  TQuizRevealEvent,
  TQuizRewardRules,
} from '@playloop/shared';
import type { Redis } from 'ioredis';
import type { QuizKeys } from './keys.js';

/** `scoring` is internal: the deadline has passed and the reveal is being computed. */
export type RoundPhase = 'lobby' | 'question' | 'scoring' | 'reveal' | 'ended';

/** The round state hash of a session, parsed. */
export interface RoundState {
  sessionId: string;
  phase: RoundPhase;
  /** Current question index; -1 in the lobby. */
  q: number;
  version: number;
  count: number;
  title: string;
  startsAt: number;
  players: number;
  startedAt: number;
  deadline: number;
  revealUntil: number;
  /** JSON of the phase's public part (question, reveal or final standings). */
  payload: string;
}

/** The public part of a reveal, stored in the state so any pod can re-send it. */
export type RevealCommon = Omit<
  TQuizRevealEvent,
  'you' | 'serverNow' | 'version' | 'nextAt' | 'sessionId'
>;
export type EndedCommon = Omit<TQuizEndedEvent, 'you' | 'serverNow' | 'version' | 'sessionId'> & {
  rewardRules: TQuizRewardRules;
};

const PHASES = new Set<string>(['lobby', 'question', 'scoring', 'reveal', 'ended']);
const int = (v: string | undefined, fallback = 0) =>
  v === undefined || v === '' ? fallback : Number(v);

export function parseRoundState(sessionId: string, h: Record<string, string>): RoundState | null {
  if (!h.phase || !PHASES.has(h.phase)) return null;
  return {
    sessionId,
    phase: h.phase as RoundPhase,
    q: int(h.q, -1),
    version: int(h.version),
    count: int(h.count, 1),
    title: h.title ?? 'Live quiz',
    startsAt: int(h.startsAt),
    players: int(h.players),
    startedAt: int(h.startedAt),
    deadline: int(h.deadline),
    revealUntil: int(h.revealUntil),
    payload: h.payload ?? '',
  };
}

export async function readRoundState(
  redis: Redis,
  keys: QuizKeys,
  sessionId: string,
): Promise<RoundState | null> {
  return parseRoundState(sessionId, await redis.hgetall(keys.state(sessionId)));
}

export type RoundEvent =
  | { name: 'quiz:lobby'; payload: TQuizLobbyEvent }
  | { name: 'quiz:question'; payload: TQuizQuestionEvent }
  | { name: 'quiz:reveal'; payload: TQuizRevealEvent; q: number }
  | { name: 'quiz:ended'; payload: TQuizEndedEvent; rewardRules: TQuizRewardRules; lastQ: number };

/**
 * The event that describes the current state, with `you` left null: reveals and results are
 * personalised per socket by whoever sends them.
 */
export function roundEvent(st: RoundState, serverNow: number): RoundEvent {
  const base = { sessionId: st.sessionId, version: st.version, serverNow };
  switch (st.phase) {
    case 'lobby':
      return {
        name: 'quiz:lobby',
        payload: {
          ...base,
          startsAt: st.startsAt,
          playerCount: st.players,
          questionCount: st.count,
        },
      };
    case 'question':
    case 'scoring':
      return {
        name: 'quiz:question',
        payload: {
          ...base,
          question: JSON.parse(st.payload) as TQuizQuestion,
          deadline: st.deadline,
        },
      };
    case 'reveal': {
      const common = JSON.parse(st.payload) as RevealCommon;
      return {
        name: 'quiz:reveal',
        q: st.q,
        payload: { ...base, ...common, nextAt: st.revealUntil, you: null },
      };
    }
    case 'ended': {
      const { rewardRules, ...common } = JSON.parse(st.payload) as EndedCommon;
      return {
        name: 'quiz:ended',
        rewardRules,
        lastQ: st.q,
        payload: { ...base, ...common, you: null },
      };
    }
  }
}
