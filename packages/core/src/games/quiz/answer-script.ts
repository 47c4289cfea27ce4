import type { Redis } from 'ioredis';
import type { QuizKeys } from './keys.js';
import { LUA_NOW, luaScript, runLua } from './lua.js';

/**
 * How long after a question's deadline answers received before it may still be written, and so
 * how long the conductor waits before closing the question. It covers a pod's own queue in a
 * burst: an answer that reached the pod in time is not refused because the pod was busy. The
 * receipt time is the pod's clock (synced to Redis TIME); the script never believes a stamp more
 * than this far in the past, nor one in the future.
 */
export const QUIZ_ANSWER_GRACE_MS = 1000;
// 1 s: measured with 5,000 players answering in the last second on one pod of a 2-core machine
// (npm run bench:quiz), 500 ms still refused a few hundred answers received in time.

/**
 * Records answers to one question of one session, in order, on whichever pod received them:
 * nothing is lost if the conductor dies. Each is refused when the player is not on the roster,
 * the question is not the open one, it was received after the deadline, the player joined
 * during this question, the index is out of range, or an answer is already there.
 * ARGV: q, grace, then (userId, answerIndex, receivedAt or '') per answer.
 */
const ANSWERS =
  luaScript(`local st = redis.call('HMGET', KEYS[1], 'phase', 'q', 'deadline', 'startedAt', 'choices')
${LUA_NOW}
local q = tonumber(ARGV[1])
local grace = tonumber(ARGV[2])
local out = {}
for i = 3, #ARGV, 3 do
  local user = ARGV[i]
  local a = tonumber(ARGV[i + 1])
  local at = math.max(math.min(tonumber(ARGV[i + 2]) or now, now), now - grace)
  local eligible = redis.call('HGET', KEYS[3], user)
  local r
  if not eligible then r = 'QUIZ_NOT_JOINED'
  elseif not st[1] then r = 'QUIZ_QUESTION_NOT_OPEN'
  elseif st[1] == 'ended' then r = 'QUIZ_SESSION_OVER'
  elseif st[1] == 'lobby' or q > tonumber(st[2]) then r = 'QUIZ_QUESTION_NOT_OPEN'
  elseif q < tonumber(st[2]) or st[1] ~= 'question' or at > tonumber(st[3]) then r = 'QUIZ_ANSWER_LATE'
  elseif tonumber(eligible) > q then r = 'QUIZ_NOT_PLAYING'
  elseif a >= tonumber(st[5]) then r = 'QUIZ_ANSWER_INVALID'
  else
    local elapsed = string.format('%.0f', math.max(0, at - tonumber(st[4])))
    if redis.call('HSETNX', KEYS[2], user, a .. ':' .. elapsed) == 0 then r = 'QUIZ_ALREADY_ANSWERED'
    else r = 'OK:' .. elapsed end
  end
  out[#out + 1] = r
end
return out`);

export type AnswerRefusal =
  | 'QUIZ_NOT_JOINED'
  | 'QUIZ_QUESTION_NOT_OPEN'
  | 'QUIZ_SESSION_OVER'
  | 'QUIZ_ANSWER_LATE'
  | 'QUIZ_NOT_PLAYING'
  | 'QUIZ_ANSWER_INVALID'
  | 'QUIZ_ALREADY_ANSWERED';

export type AnswerOutcome = { ok: true; elapsedMs: number } | { ok: false; code: AnswerRefusal };

export interface AnswerToRecord {
  userId: string;
  answerIndex: number;
  /** Server-clock time the pod received it; absent: the Redis time of writing. */
  receivedAt?: number;
}

/** One round trip for any number of answers to question `q` of `sessionId`, outcomes in order. */
export async function runAnswersScript(
  redis: Redis,
  keys: QuizKeys,
  sessionId: string,
  q: number,
  answers: AnswerToRecord[],
): Promise<AnswerOutcome[]> {
  const args: (string | number)[] = [q, QUIZ_ANSWER_GRACE_MS];
  for (const a of answers) args.push(a.userId, a.answerIndex, a.receivedAt ?? '');
  const reply = (await runLua(
    redis,
    ANSWERS,
    [keys.state(sessionId), keys.answers(sessionId, q), keys.roster(sessionId)],
    args,
  )) as string[];
  return reply.map((r) =>
    r.startsWith('OK:')
      ? { ok: true, elapsedMs: Number(r.slice(3)) }
      : { ok: false, code: r as AnswerRefusal },
  );
}
