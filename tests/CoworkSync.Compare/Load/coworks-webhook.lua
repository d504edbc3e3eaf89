-- wrk script: signed Coworks webhooks (member.updated) for the bench members, each with a unique event id.
-- The signature is Coworks': X-Coworks-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<body>">, keyed
-- with the connector's webhook secret (docs/connectors/coworks.md). SHA-256 is written out below (LuaJIT's bit
-- library), as wrk ships no crypto. Settings come from the environment:
--   WEBHOOK_SECRET, WEBHOOK_SPACE, WEBHOOK_PREFIX (member id prefix), WEBHOOK_MEMBERS (how many), WEBHOOK_RUN (a
--   tag making the event ids of this run unique).
-- It counts the answers by status and prints them in done() as "status <code> <count>".

local bit = require("bit")
local band, bor, bxor, bnot, rshift, lshift, ror, tobit, tohex =
  bit.band, bit.bor, bit.bxor, bit.bnot, bit.rshift, bit.lshift, bit.ror, bit.tobit, bit.tohex
local byte, char, rep, format = string.byte, string.char, string.rep, string.format

local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

local w = {}

local function block(msg, i, H)
  for j = 1, 16 do
    local a, b, c, d = byte(msg, i + (j - 1) * 4, i + (j - 1) * 4 + 3)
    w[j] = bor(lshift(a, 24), lshift(b, 16), lshift(c, 8), d)
  end
  for j = 17, 64 do
    local v = w[j - 15]
    local s0 = bxor(ror(v, 7), ror(v, 18), rshift(v, 3))
    v = w[j - 2]
    local s1 = bxor(ror(v, 17), ror(v, 19), rshift(v, 10))
    w[j] = tobit(w[j - 16] + s0 + w[j - 7] + s1)
  end
  local a, b, c, d, e, f, g, h = H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8]
  for j = 1, 64 do
    local t1 = tobit(h + bxor(ror(e, 6), ror(e, 11), ror(e, 25)) + bxor(band(e, f), band(bnot(e), g)) + K[j] + w[j])
    local t2 = tobit(bxor(ror(a, 2), ror(a, 13), ror(a, 22)) + bxor(band(a, b), band(a, c), band(b, c)))
    h, g, f, e, d, c, b, a = g, f, e, tobit(d + t1), c, b, a, tobit(t1 + t2)
  end
  H[1], H[2], H[3], H[4] = tobit(H[1] + a), tobit(H[2] + b), tobit(H[3] + c), tobit(H[4] + d)
  H[5], H[6], H[7], H[8] = tobit(H[5] + e), tobit(H[6] + f), tobit(H[7] + g), tobit(H[8] + h)
end

local function be32(x)
  return char(band(rshift(x, 24), 255), band(rshift(x, 16), 255), band(rshift(x, 8), 255), band(x, 255))
end

-- The 32-byte SHA-256 digest of msg.
local function sha256(msg)
  local bits = #msg * 8
  local padding = (55 - #msg) % 64
  msg = msg .. "\128" .. rep("\0", padding) .. be32(math.floor(bits / 4294967296)) .. be32(bits % 4294967296)
  local H = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }
  for i = 1, #msg, 64 do
    block(msg, i, H)
  end
  return be32(H[1]) .. be32(H[2]) .. be32(H[3]) .. be32(H[4]) .. be32(H[5]) .. be32(H[6]) .. be32(H[7]) .. be32(H[8])
end

local function xorkey(key, pad)
  local out = {}
  for i = 1, 64 do
    out[i] = char(bxor(byte(key, i) or 0, pad))
  end
  return table.concat(out)
end

local function hex(bytes)
  return (bytes:gsub(".", function(c) return format("%02x", byte(c)) end))
end

local function hmac_sha256_hex(key, msg)
  if #key > 64 then key = sha256(key) end
  return hex(sha256(xorkey(key, 0x5c) .. sha256(xorkey(key, 0x36) .. msg)))
end

local secret = os.getenv("WEBHOOK_SECRET")
local space = os.getenv("WEBHOOK_SPACE")
local prefix = os.getenv("WEBHOOK_PREFIX")
local members = tonumber(os.getenv("WEBHOOK_MEMBERS"))
local run = os.getenv("WEBHOOK_RUN")

-- Self-check against RFC 4231's test case 2, so a broken hash fails loudly instead of being measured as 401s.
assert(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "HMAC-SHA256 self-check failed")

-- In wrk's main Lua state: the threads, numbered so each makes its own event ids.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

-- In each thread's Lua state (globals, so that setup and done can reach them).
thread_number = 0
statuses = {}
local sent = 0

function request()
  sent = sent + 1
  local index = (sent * 7919 + thread_number * 104729) % members
  local id = format("%s%06d", prefix, index)
  local now = os.time()
  local body = format(
    '{"id":"evt_%s_%d_%d","type":"member.updated","created_at":"%s","space_id":"%s","data":{"member":' ..
    '{"id":"%s","first_name":"Bench","last_name":"Member %d","email":"%s@bench.example","status":"active",' ..
    '"location_id":"loc_bench","updated_at":"2026-11-01T00:00:00.0000000+00:00"},"membership":{"id":"ms_%s",' ..
    '"status":"active","plan":{"id":"pln_bench","name":"Bench"},"starts_on":"2026-11-01","ends_on":null,' ..
    '"billing_cycle_anchor":"2026-11-01"}}}',
    run, thread_number, sent, os.date("!%Y-%m-%dT%H:%M:%SZ", now), space, id, index, id, id)
  local signature = format("t=%d,v1=%s", now, hmac_sha256_hex(secret, now .. "." .. body))
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["X-Coworks-Signature"] = signature }, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done()
  local totals = {}
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses")
    for status, count in pairs(counted) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    io.write(format("status %d %d\n", status, count))
  end
end
