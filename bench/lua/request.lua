-- wrk script of the bench's server rows (bench/wrk.py runs it).
--
--   wrk -t1 -c16 -d3s -s bench/lua/request.lua -H 'Authorization: ...' URL -- METHOD TAG BODY PATH [PATH ...]
--
-- Every request is METHOD to the next PATH in turn (the calls of the command row), with BODY
-- ("" for none) in which each "{n}" becomes TAG-<a counter>, so that created names and
-- client_states differ between requests, threads and runs. done() prints one JSON line,
-- prefixed "WRKJSON ", with the counts and the latency percentiles in microseconds.

local method, tag, body, paths
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  method, tag, body = args[1], args[2], args[3]
  paths = {}
  for i = 4, #args do
    paths[#paths + 1] = args[i]
  end
  if #paths == 0 then
    paths[1] = "/"
  end
end

function request()
  counter = counter + 1
  local path = paths[(counter - 1) % #paths + 1]
  local payload = nil
  if body ~= nil and body ~= "" then
    payload = (string.gsub(body, "{n}", tag .. "-" .. thread_id .. "-" .. counter))
  end
  return wrk.format(method, path, nil, payload)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max))
end
