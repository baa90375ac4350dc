-- Issue 29's Monday morning, as wrk drives it: each request is one of the simulated people (a
-- line of the sessions file `ballast bench monday` wrote: cookie, role, district, a project of
-- theirs) opening one of the pages such a person opens first thing: the dashboard, the project
-- list, one of their projects, the month's reports, and their API equivalents (the big screens
-- and the city's systems). Every status other than 200 counts as an error.

local sessions = {}
local pages = {
  function(s) return "/" end,
  function(s) return "/projects?year=2023" end,
  function(s) return "/projects/" .. s.project end,
  function(s) return "/reports" end,
  function(s) return "/overview" end,
  function(s) return "/api/v1/dashboard" end,
  function(s) return "/api/v1/projects?year=2023&perPage=50&sort=-totalInvestment" end,
  function(s) return "/api/v1/projects/" .. s.project end,
  function(s) return "/api/v1/reports" end,
}

local threads = {}
local think_min = tonumber(os.getenv("THINK_MIN_MS") or "2000")
local think_max = tonumber(os.getenv("THINK_MAX_MS") or "8000")

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("SESSIONS")
  for line in io.lines(path) do
    local cookie, role, district, project = line:match("^(%S+) (%S+) (%S+) (%S+)$")
    if cookie then
      table.insert(sessions, { cookie = cookie, role = role, district = district, project = project })
    end
  end
  math.randomseed(os.time() + id * 7919)
  bad = 0
end

function request()
  local s = sessions[math.random(#sessions)]
  local path = pages[math.random(#pages)](s)
  return wrk.format("GET", path, { ["Cookie"] = "ballast_session=" .. s.cookie, ["Accept-Language"] = "zh-CN" })
end

function delay()
  if think_max <= 0 then return 0 end
  return math.random(think_min, think_max)
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, t in ipairs(threads) do non200 = non200 + (t:get("bad") or 0) end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f non200=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non200, e.connect, e.read, e.write, e.timeout, e.status))
end
