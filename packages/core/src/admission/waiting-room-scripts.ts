/**
 * Lua run atomically in Redis, so every api pod sees one queue. Keys (all under `<prefix>wr:`):
 * `seq` last ticket number handed out · `cursor` highest ticket admitted · `credit` admissions
 * earned but not used yet · `at` when credit was last topped up (ms) · `tickets` hash
 * visitor → ticket · `q` zset visitor → ticket (still waiting) · `seen` zset visitor → last poll
 * (ms) · `admitted` admissions in all.
 *
 * The queue is a bakery: a ticket number per visitor, admitted in ticket order at `rate` per
 * second (a token bucket of `burst`). Visitors that stop polling for `abandonMs` lose their
 * place, so the rate is spent on people who are still there.
 */

// ARGV: now, rate, burst, abandonMs. Tops up credit, prunes the abandoned, admits the next ones.
const ADVANCE = `
local now, rate, burst, abandonMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if not now then
  -- One clock for every pod: Redis's own.
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local cursor = tonumber(redis.call('GET', K.cursor) or '0')
local atRaw = redis.call('GET', K.at)
local credit, elapsed = burst, 50
if atRaw then
  elapsed = math.max(0, now - tonumber(atRaw))
  credit = math.min(burst, tonumber(redis.call('GET', K.credit) or '0') + elapsed * rate / 1000)
end
-- At most twenty top-ups a second: cheap polls in between only read.
if elapsed >= 50 then
  local stale = redis.call('ZRANGEBYSCORE', K.seen, '-inf', now - abandonMs, 'LIMIT', 0, 200)
  for _, v in ipairs(stale) do
    redis.call('ZREM', K.q, v)
    redis.call('ZREM', K.seen, v)
    redis.call('HDEL', K.tickets, v)
  end
  local n = math.floor(credit)
  if n > 0 then
    local next = redis.call('ZRANGE', K.q, 0, n - 1, 'WITHSCORES')
    local count = #next / 2
    if count > 0 then
      cursor = tonumber(next[#next])
      redis.call('SET', K.cursor, cursor)
      redis.call('ZREMRANGEBYSCORE', K.q, '-inf', cursor)
      redis.call('INCRBY', K.admitted, count)
      credit = credit - count
    end
  end
  redis.call('SET', K.credit, tostring(credit))
  redis.call('SET', K.at, now)
end
`;

// Binds the K table to KEYS in a fixed order shared by every script.
const KEY_NAMES = ['seq', 'cursor', 'credit', 'at', 'tickets', 'q', 'seen', 'admitted'] as const;
const BIND = `local K = {${KEY_NAMES.map((k, i) => `${k} = KEYS[${i + 1}]`).join(', ')}}`;
export const WAITING_ROOM_KEYS = KEY_NAMES;

// ARGV: now, rate, burst, abandonMs, visitor, create (1|0).
// Returns {ticket, position}: position 0 = admitted, -1 = no ticket (and none created).
const PLACE = `${BIND}
${ADVANCE}
local visitor, create = ARGV[5], ARGV[6] == '1'
local ticket = tonumber(redis.call('HGET', K.tickets, visitor) or '-1')
if ticket < 0 then
  if not create then return {-1, -1} end
  ticket = redis.call('INCR', K.seq)
  redis.call('HSET', K.tickets, visitor, ticket)
  redis.call('ZADD', K.q, ticket, visitor)
  local banked = tonumber(redis.call('GET', K.credit) or '0')
  if banked >= 1 and redis.call('ZCARD', K.q) == 1 then
    -- Credit was banked while nobody waited: this arrival goes straight in.
    cursor = ticket
    redis.call('SET', K.cursor, cursor)
    redis.call('ZREM', K.q, visitor)
    redis.call('SET', K.credit, tostring(banked - 1))
    redis.call('INCRBY', K.admitted, 1)
  end
end
redis.call('ZADD', K.seen, now, visitor)
if ticket <= cursor then return {ticket, 0} end
return {ticket, redis.call('ZCOUNT', K.q, '-inf', ticket)}
`;

// ARGV: visitor. Forgets an admitted visitor's ticket once its admission token is issued.
const FORGET = `${BIND}
redis.call('HDEL', K.tickets, ARGV[1])
redis.call('ZREM', K.seen, ARGV[1])
redis.call('ZREM', K.q, ARGV[1])
return 1
`;

// Closing the room admits everyone who waits: the cursor jumps to the last ticket.
const ADMIT_ALL = `${BIND}
local seq = tonumber(redis.call('GET', K.seq) or '0')
local waiting = redis.call('ZCARD', K.q)
redis.call('SET', K.cursor, seq)
redis.call('DEL', K.q, K.seen, K.tickets, K.credit, K.at)
redis.call('INCRBY', K.admitted, waiting)
return waiting
`;

export const WAITING_ROOM_SCRIPTS = { PLACE, FORGET, ADMIT_ALL } as const;
