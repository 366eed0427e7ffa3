-- Cloakroom load harness: wrk script.
-- args: <cookie file> <thread count>. Each line of the cookie file is one session's "name=value".
-- Thread t of T takes the lines t, t+T, t+2T, ... so no two threads share a session, and sends them
-- round-robin, one per request; with many sessions per connection, two requests in flight at once
-- practically never share a session. Without a cookie file, requests carry no cookie.
-- done() prints one line "WRK_RESULT {json}" that the harness parses (latencies in microseconds).

local threads_made = 0

function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_number", threads_made)
end

local requests = {}
local next_request = 1

function init(args)
  local path = args[1]
  local thread_count = tonumber(args[2]) or 1
  local me = thread_number or 1
  if path ~= nil and path ~= "" then
    local i = 0
    for line in io.lines(path) do
      if line ~= "" then
        if i % thread_count == me - 1 then
          requests[#requests + 1] = wrk.format(nil, nil, { ["Cookie"] = line }, nil)
        end
        i = i + 1
      end
    end
  end
  if #requests == 0 then
    requests[1] = wrk.format(nil, nil, nil, nil)
  end
end

function request()
  local r = requests[next_request]
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
  end
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
    '"p999_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
