import type { Redis } from 'ioredis';
import type { QuizKeys } from './keys.js';
import { LUA_NOW, luaScript, runLua } from './lua.js';
import type { RoundPhase } from './round-state.js';

/**
 * Moves a session from one phase to the next, atomically and only:
 * - while the caller still holds the lease (a conductor that lost it can change nothing),
 * - from the expected phase and question (a repeated or stale step is a no-op),
 * - once the due time stored in the state has passed on the Redis clock.
 * Timing fields are stamped from Redis TIME, the one clock all pods share.
 */
const TRANSITION = luaScript(`if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {'lost', '0'} end
local st = redis.call('HMGET', KEYS[1], 'phase', 'q', 'version')
if ARGV[2] == '' then
  if st[1] then return {'stale', tostring(st[3])} end
elseif st[1] ~= ARGV[2] or st[2] ~= ARGV[3] then
  return {'stale', tostring(st[3])}
end
${LUA_NOW}
if ARGV[4] ~= '' then
  local due = tonumber(redis.call('HGET', KEYS[1], ARGV[4]) or '0')
  if now < due then return {'wait', string.format('%.0f', due - now)} end
end
local version = tonumber(st[3] or '0') + 1
for k, v in pairs(cjson.decode(ARGV[7])) do redis.call('HSET', KEYS[1], k, v) end
if ARGV[8] ~= '' then redis.call('HSET', KEYS[1], ARGV[8], string.format('%.0f', now)) end
if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], ARGV[9], string.format('%.0f', now + tonumber(ARGV[10]))) end
redis.call('HSET', KEYS[1], 'phase', ARGV[5], 'q', ARGV[6], 'version', version)
return {'ok', tostring(version), string.format('%.0f', now)}`);

export interface TransitionSpec {
  from: { phase: RoundPhase; q: number } | null;
  /** State field holding the time before which the step must wait. */
  dueField?: 'startsAt' | 'deadline' | 'revealUntil';
  to: { phase: RoundPhase; q: number };
  /** Extra state fields, as strings. */
  fields?: Record<string, string>;
  /** Field stamped with the Redis time of the step. */
  stampNow?: string;
  /** Field stamped with the Redis time plus `afterMs`. */
  stampAfter?: { field: string; afterMs: number };
}

export type TransitionResult =
  | { status: 'ok'; version: number; now: number }
  | { status: 'wait'; waitMs: number }
  | { status: 'stale' | 'lost' };

export async function transitionRound(
  redis: Redis,
  keys: QuizKeys,
  sessionId: string,
  holder: string,
  spec: TransitionSpec,
): Promise<TransitionResult> {
  const reply = (await runLua(
    redis,
    TRANSITION,
    [keys.state(sessionId), keys.lease(sessionId)],
    [
      holder,
      spec.from?.phase ?? '',
      spec.from ? String(spec.from.q) : '',
      spec.dueField ?? '',
      spec.to.phase,
      String(spec.to.q),
      JSON.stringify(spec.fields ?? {}),
      spec.stampNow ?? '',
      spec.stampAfter?.field ?? '',
      String(spec.stampAfter?.afterMs ?? 0),
    ],
  )) as [string, string, string?];
  const [status, a, b] = reply;
  if (status === 'ok') return { status, version: Number(a), now: Number(b) };
  if (status === 'wait') return { status, waitMs: Number(a) };
  return { status: status === 'lost' ? 'lost' : 'stale' };
}

/**
 * Records one answer, on whichever pod the player is connected to, straight into Redis: nothing
 * is lost if the conductor dies. Refused when the player is not on the roster, the question is
 * not the open one, the deadline has passed (Redis clock), the player joined during this
 * question, the index is out of range, or an answer is already there.
 */
const ANSWER =
  luaScript(`local st = redis.call('HMGET', KEYS[1], 'phase', 'q', 'deadline', 'startedAt', 'choices')
local eligible = redis.call('HGET', KEYS[3], ARGV[1])
if not eligible then return {'QUIZ_NOT_JOINED'} end
if not st[1] then return {'QUIZ_QUESTION_NOT_OPEN'} end
if st[1] == 'ended' then return {'QUIZ_SESSION_OVER'} end
local q = tonumber(ARGV[2])
local current = tonumber(st[2])
if st[1] == 'lobby' or q > current then return {'QUIZ_QUESTION_NOT_OPEN'} end
${LUA_NOW}
if q < current or st[1] ~= 'question' or now > tonumber(st[3]) then return {'QUIZ_ANSWER_LATE'} end
if tonumber(eligible) > q then return {'QUIZ_NOT_PLAYING'} end
local a = tonumber(ARGV[3])
if a >= tonumber(st[5]) then return {'QUIZ_ANSWER_INVALID'} end
local elapsed = math.max(0, now - tonumber(st[4]))
if redis.call('HSETNX', KEYS[2], ARGV[1], a .. ':' .. string.format('%.0f', elapsed)) == 0 then
  return {'QUIZ_ALREADY_ANSWERED'}
end
return {'OK', string.format('%.0f', elapsed)}`);

export type AnswerRefusal =
  | 'QUIZ_NOT_JOINED'
  | 'QUIZ_QUESTION_NOT_OPEN'
  | 'QUIZ_SESSION_OVER'
  | 'QUIZ_ANSWER_LATE'
  | 'QUIZ_NOT_PLAYING'
  | 'QUIZ_ANSWER_INVALID'
  | 'QUIZ_ALREADY_ANSWERED';

export async function runAnswerScript(
  redis: Redis,
  keys: QuizKeys,
  input: { sessionId: string; userId: string; questionIndex: number; answerIndex: number },
): Promise<{ ok: true; elapsedMs: number } | { ok: false; code: AnswerRefusal }> {
  const reply = (await runLua(
    redis,
    ANSWER,
    [
      keys.state(input.sessionId),
      keys.answers(input.sessionId, input.questionIndex),
      keys.roster(input.sessionId),
    ],
    [input.userId, input.questionIndex, input.answerIndex],
  )) as [string, string?];
  if (reply[0] === 'OK') return { ok: true, elapsedMs: Number(reply[1]) };
  return { ok: false, code: reply[0] as AnswerRefusal };
}
