-- wrk script: availability reads of demo SKUs chosen by a Zipf distribution.
-- Environment: SKUS (how many demo SKUs exist, default 300), ZIPF_S (exponent, default 1.0),
-- CHANNEL (default "default"). Demo SKUs are named as DemoData names them: TEE-001-S, ...

local products = {"TEE", "HOODIE", "CAP", "SOCKS", "JACKET", "SNEAKER", "BAG", "SCARF"}
local sizes = {"S", "M", "L", "XL"}
local n = tonumber(os.getenv("SKUS") or "300")
local s = tonumber(os.getenv("ZIPF_S") or "1.0")
local channel = os.getenv("CHANNEL") or "default"
local cdf = {}
local paths = {}

local function sku(i)
  local product = products[(i % 8) + 1]
  local size = sizes[(math.floor(i / 8) % 4) + 1]
  local variant = math.floor(i / 32) + 1
  return string.format("%s-%03d-%s", product, variant, size)
end

-- Rank 1 is the most popular; ranks are mapped to SKUs by a fixed shuffle so that the hot
-- set is spread over all products.
local function build()
  local total = 0
  for rank = 1, n do
    total = total + 1 / rank ^ s
    cdf[rank] = total
  end
  for rank = 1, n do
    cdf[rank] = cdf[rank] / total
  end
  local order = {}
  for i = 1, n do order[i] = i - 1 end
  math.randomseed(42)
  for i = n, 2, -1 do
    local j = math.random(i)
    order[i], order[j] = order[j], order[i]
  end
  for rank = 1, n do
    paths[rank] = "/api/v1/availability/" .. sku(order[rank]) .. "?channel=" .. channel
  end
end

build()

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local u = math.random()
  local lo, hi = 1, n
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", paths[lo])
end
