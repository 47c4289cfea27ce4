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
  local due = tonumber(redis.call('HGET', KEYS[1], ARGV[4]) or '0') + tonumber(ARGV[11])
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
  /** Wait this much longer than `dueField` says (the answer grace after a deadline). */
  dueAfterMs?: number;
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
      String(spec.dueAfterMs ?? 0),
    ],
  )) as [string, string, string?];
  const [status, a, b] = reply;
  if (status === 'ok') return { status, version: Number(a), now: Number(b) };
  if (status === 'wait') return { status, waitMs: Number(a) };
  return { status: status === 'lost' ? 'lost' : 'stale' };
}
