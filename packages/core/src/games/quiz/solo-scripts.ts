import type { Redis } from 'ioredis';
import type { QuizKeys } from './keys.js';
import { LUA_NOW, luaScript, runLua } from './lua.js';

/** Opens question ARGV[1] (ARGV[3] choices) of a solo run with a deadline ARGV[2] ms from now (Redis clock). */
const OPEN = luaScript(`${LUA_NOW}
redis.call('HSET', KEYS[1], 'q', ARGV[1], 'choices', ARGV[3], 'startedAt', string.format('%.0f', now), 'deadline', string.format('%.0f', now + tonumber(ARGV[2])))
return string.format('%.0f', now)`);

/**
 * Takes the one answer a solo question gets. ARGV: userId, questionIndex, answerIndex ('' = time
 * ran out, accepted only after the deadline).
 */
const ANSWER =
  luaScript(`local st = redis.call('HMGET', KEYS[1], 'userId', 'q', 'deadline', 'startedAt', 'choices')
if not st[1] or st[1] ~= ARGV[1] then return {'NOT_FOUND'} end
if tonumber(ARGV[2]) > tonumber(st[2]) then return {'QUIZ_QUESTION_NOT_OPEN'} end
if tonumber(ARGV[2]) < tonumber(st[2]) then return {'QUIZ_ALREADY_ANSWERED'} end
${LUA_NOW}
if ARGV[3] ~= '' and now > tonumber(st[3]) then return {'QUIZ_ANSWER_LATE'} end
if ARGV[3] ~= '' and tonumber(ARGV[3]) >= tonumber(st[5]) then return {'QUIZ_ANSWER_INVALID'} end
if ARGV[3] == '' and now <= tonumber(st[3]) then return {'CONFLICT'} end
if redis.call('HSETNX', KEYS[1], 'answered:' .. ARGV[2], ARGV[3]) == 0 then return {'QUIZ_ALREADY_ANSWERED'} end
return {'OK', string.format('%.0f', math.max(0, now - tonumber(st[4])))}`);

export async function openSoloQuestion(
  redis: Redis,
  keys: QuizKeys,
  runId: string,
  q: number,
  timeLimitMs: number,
  choices: number,
): Promise<number> {
  return Number(await runLua(redis, OPEN, [keys.solo(runId)], [q, timeLimitMs, choices]));
}

export type SoloRefusal =
  | 'NOT_FOUND'
  | 'QUIZ_QUESTION_NOT_OPEN'
  | 'QUIZ_ALREADY_ANSWERED'
  | 'QUIZ_ANSWER_LATE'
  | 'QUIZ_ANSWER_INVALID'
  | 'CONFLICT';

export async function takeSoloAnswer(
  redis: Redis,
  keys: QuizKeys,
  input: { runId: string; userId: string; questionIndex: number; answerIndex: number | null },
): Promise<{ ok: true; elapsedMs: number } | { ok: false; code: SoloRefusal }> {
  const reply = (await runLua(
    redis,
    ANSWER,
    [keys.solo(input.runId)],
    [input.userId, input.questionIndex, input.answerIndex === null ? '' : input.answerIndex],
  )) as [string, string?];
  if (reply[0] === 'OK') return { ok: true, elapsedMs: Number(reply[1]) };
  return { ok: false, code: reply[0] as SoloRefusal };
}
