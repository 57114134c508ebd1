-- wrk script for the API POST: a JSON assessment, with the head count varied per request so that no
-- two neighbouring requests are identical (nothing can be served from a cache of earlier answers).
-- bench/run.py passes the body template in the environment; "{employees}" is replaced per request.
local template = os.getenv("BENCH_POST_BODY")
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

request = function()
  counter = counter + 1
  local body = template:gsub("{employees}", tostring(5 + counter % 200))
  return wrk.format(nil, nil, nil, body)
end
