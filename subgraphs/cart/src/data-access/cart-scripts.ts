import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Every cart write is one Lua script, so the check (limits, stock) and the write happen
 * atomically: parallel requests cannot both pass a check that only one of them should.
 *
 * Layout of a cart hash: `l:<sku>` → JSON line {q quantity, p productId, pr price seen (minor units),
 * c currency, st stock seen, a added at (ms), n position}, `m:updated` (ms), `m:seq` (last position).
 * Every script answers {status, detail, HGETALL} of the cart it leaves behind.
 */
const STATE = `
local function lineCount(key)
  local count = 0
  for _, field in ipairs(redis.call('HKEYS', key)) do
    if string.sub(field, 1, 2) == 'l:' then count = count + 1 end
  end
  return count
end
local function state(key, status, detail)
  return {status, tostring(detail), redis.call('HGETALL', key)}
end
`;

/** KEYS: cart. ARGV: sku, quantity, mode (add|set), productId, priceMinor, currency, available, maxLines, maxUnits, ttlMs, nowMs. */
export const WRITE_LINE = `${STATE}
local key = KEYS[1]
local sku, quantity, mode = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local available, maxLines, maxUnits = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local ttl, now = tonumber(ARGV[10]), tonumber(ARGV[11])
local field = 'l:' .. sku
local raw = redis.call('HGET', key, field)
local line = nil
if raw then line = cjson.decode(raw) end
local current = 0
if line then current = line.q end
local target = quantity
if mode == 'set' then
  if not line then return state(key, 'NOT_IN_CART', 0) end
else
  target = current + quantity
end
if target > maxUnits then return state(key, 'QUANTITY_LIMIT', current) end
if not line and lineCount(key) >= maxLines then return state(key, 'LINE_LIMIT', maxLines) end
if target > available then return state(key, 'OUT_OF_STOCK', current) end
local position, addedAt
if line then
  position, addedAt = line.n, line.a
else
  position, addedAt = redis.call('HINCRBY', key, 'm:seq', 1), now
end
local stored = {q = target, p = ARGV[4], pr = tonumber(ARGV[5]), c = ARGV[6], st = available, a = addedAt, n = position}
redis.call('HSET', key, field, cjson.encode(stored), 'm:updated', now)
redis.call('PEXPIRE', key, ttl)
return state(key, 'OK', target)
`;

/** KEYS: cart. ARGV: sku, ttlMs, nowMs. An emptied cart is deleted. */
export const REMOVE_LINE = `${STATE}
local key = KEYS[1]
if redis.call('HDEL', key, 'l:' .. ARGV[1]) == 0 then return state(key, 'NOT_IN_CART', 0) end
if lineCount(key) == 0 then
  redis.call('DEL', key)
else
  redis.call('HSET', key, 'm:updated', ARGV[3])
  redis.call('PEXPIRE', key, tonumber(ARGV[2]))
end
return state(key, 'OK', 0)
`;

/**
 * KEYS: from, to. ARGV: maxLines, maxUnits, ttlMs, nowMs, JSON {sku: available}.
 * Adds the lines of `from` to `to` in the order they were added to `from`, each capped by the
 * line limit and the stock (never lowering what `to` already holds), skips lines beyond the line
 * limit, then deletes `from`. Without a `from` cart nothing changes, so a repeat is harmless.
 * Detail: JSON [{sku, requested, merged}].
 */
export const MERGE = `${STATE}
local from, to = KEYS[1], KEYS[2]
local maxLines, maxUnits, ttl, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local stock = cjson.decode(ARGV[5])
local source = redis.call('HGETALL', from)
if #source == 0 then return state(to, 'OK', '[]') end
local incoming = {}
for i = 1, #source, 2 do
  if string.sub(source[i], 1, 2) == 'l:' then
    local line = cjson.decode(source[i + 1])
    table.insert(incoming, {sku = string.sub(source[i], 3), line = line})
  end
end
table.sort(incoming, function(a, b) return a.line.n < b.line.n end)
local lines = lineCount(to)
local outcomes = {}
local changed = false
for _, item in ipairs(incoming) do
  local sku, line = item.sku, item.line
  local field = 'l:' .. sku
  local available = stock[sku]
  if available == nil then available = line.st end
  local cap = math.min(maxUnits, available)
  local raw = redis.call('HGET', to, field)
  if raw then
    local existing = cjson.decode(raw)
    local target = math.min(existing.q + line.q, cap)
    table.insert(outcomes, {sku = sku, requested = existing.q + line.q, merged = math.max(existing.q, target)})
    if target > existing.q then
      existing.q = target
      existing.st = available
      redis.call('HSET', to, field, cjson.encode(existing))
      changed = true
    end
  else
    local target = 0
    if lines < maxLines then target = math.max(0, math.min(line.q, cap)) end
    table.insert(outcomes, {sku = sku, requested = line.q, merged = target})
    if target > 0 then
      line.q = target
      line.st = available
      line.n = redis.call('HINCRBY', to, 'm:seq', 1)
      redis.call('HSET', to, field, cjson.encode(line))
      lines = lines + 1
      changed = true
    end
  end
end
redis.call('DEL', from)
if changed then
  redis.call('HSET', to, 'm:updated', now)
  redis.call('PEXPIRE', to, ttl)
end
return state(to, 'OK', cjson.encode(outcomes))
`;

export type ScriptReply = [status: string, detail: string, fields: string[]];

/** Runs a script by its SHA (loading it on first use or after a Redis restart). */
export function defineScript(redis: Redis, source: string) {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (keys: string[], args: Array<string | number>): Promise<ScriptReply> => {
    try {
      return (await redis.evalsha(sha, keys.length, ...keys, ...args)) as ScriptReply;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await redis.eval(source, keys.length, ...keys, ...args)) as ScriptReply;
    }
  };
}
