-- One route of the load mix, for wrk: every connection is a user who sends the route's request again as
-- soon as the answer is in (after LOAD_THINK_MS, when set). LOAD_ROUTE names the route:
--   search      POST /api/v1/vector/search, the queries of LOAD_INPUT (one JSON string a line) in turn
--   ha-read     GET /api/v1/ha/states/{entity_id}, the entity ids of LOAD_INPUT in turn
--   ha-command  POST /api/v1/ha/services/light/toggle, the lights of LOAD_INPUT in turn
-- done() appends one JSON line to LOAD_OUT: requests, non-2xx answers by status, socket errors and
-- wrk's latency percentiles, which wrk measures from the first byte written to the last byte read.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")

local route = common.setting("LOAD_ROUTE")
local think_ms = tonumber(os.getenv("LOAD_THINK_MS") or "0")

local inputs = {}
for line in io.lines(common.setting("LOAD_INPUT")) do
	inputs[#inputs + 1] = line
end
assert(#inputs > 0, "LOAD_INPUT is empty")

-- Each thread starts at a different place (init() sets it from the thread's number, which setup() gives
-- it), so that the threads do not ask the same thing in step.
local next_input = 1

local function take()
	local input = inputs[next_input]
	next_input = next_input % #inputs + 1
	return input
end

local builders = {
	["search"] = function()
		return wrk.format("POST", "/api/v1/vector/search", common.post_headers, '{"query":' .. take() .. ',"limit":5}')
	end,
	["ha-read"] = function()
		return wrk.format("GET", "/api/v1/ha/states/" .. take(), common.get_headers)
	end,
	["ha-command"] = function()
		return wrk.format("POST", "/api/v1/ha/services/light/toggle", common.post_headers,
			'{"target":{"entity_id":["' .. take() .. '"]}}')
	end,
}
local build = assert(builders[route], "unknown LOAD_ROUTE " .. route)

-- Per thread: answers that were not 2xx, by status. Read by done() through thread:get.
non2xx = {}

local threads = {}

function setup(thread)
	threads[#threads + 1] = thread
	thread:set("thread_number", #threads)
end

function init()
	next_input = (thread_number * 7919) % #inputs + 1
end

function request()
	return build()
end

function response(status)
	if not common.is_2xx(status) then
		non2xx[status] = (non2xx[status] or 0) + 1
	end
end

if think_ms > 0 then
	function delay()
		return think_ms
	end
end

function done(summary, latency)
	local statuses, failed = common.merged_counts(threads, "non2xx")
	common.write_route(route, summary.duration / 1e6, summary.requests, statuses, failed,
		common.socket_errors_json(summary.errors),
		common.latency_json(latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
			latency:percentile(99) / 1e3, latency.max / 1e3))
end
