-- The generation users of the load mix, for wrk run with as many threads as connections, so that each
-- thread's Lua state is one user: it submits an agent (POST /api/v1/agents, a description of its own so
-- the result cache never answers), then reads the job (GET /api/v1/agents/{id}) every LOAD_POLL_MS until
-- it has finished, then submits the next. The submission rate thus follows what the cluster completes,
-- as a person waiting for an agent would, and no backlog of queued jobs outlives the run.
--
-- wrk's latency histogram would mix the submissions with the reads, so each request is timed here
-- (CLOCK_MONOTONIC through LuaJIT's FFI; one connection per thread makes request() and response() pair
-- up). done() appends three JSON lines to LOAD_OUT: the submissions, the reads of the job, and the
-- generations from submission to the read that saw them finished.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } load_timespec;
int clock_gettime(int clock, load_timespec *now);
]])
local CLOCK_MONOTONIC = 1
local now_spec = ffi.new("load_timespec")

local function now_ms()
	ffi.C.clock_gettime(CLOCK_MONOTONIC, now_spec)
	return tonumber(now_spec.tv_sec) * 1e3 + tonumber(now_spec.tv_nsec) / 1e6
end

local poll_ms = tonumber(os.getenv("LOAD_POLL_MS") or "200")
local tag = os.getenv("LOAD_TAG") or "load"

-- What each user asks for in turn; the user and a counter make every description new.
local asks = {
	"An agent that searches GitHub issues and summarises them for a weekly report",
	"An agent that answers questions about the Pydantic AI documentation",
	"An agent that turns off the lights when nobody is home",
	"An agent that watches an RSS feed and posts new items to Discord",
	"An agent that reads a CSV of expenses and answers questions about spending",
}

-- Per thread (one user), read by done() through thread:get.
submits, reads, generations, outcomes, submit_non2xx, read_non2xx = {}, {}, {}, {}, {}, {}

local threads = {}
local job, submitted_at, sent_at, counter = nil, 0, 0, 0

function setup(thread)
	threads[#threads + 1] = thread
	thread:set("thread_number", #threads)
end

function request()
	sent_at = now_ms()
	if job then
		return wrk.format("GET", "/api/v1/agents/" .. job, common.get_headers)
	end
	counter = counter + 1
	local description = string.format("%s (%s user %d, request %d)", asks[(thread_number + counter) % #asks + 1],
		tag, thread_number, counter)
	return wrk.format("POST", "/api/v1/agents", common.post_headers,
		'{"description":"' .. description .. '","refinements":1,"cache":false}')
end

function response(status, _, body)
	local took = now_ms() - sent_at
	local ok = common.is_2xx(status)
	if not job then
		submits[#submits + 1] = took
		if ok then
			job = body:match('"id"%s*:%s*"([^"]+)"')
			submitted_at = sent_at
		else
			submit_non2xx[status] = (submit_non2xx[status] or 0) + 1
		end
		return
	end
	reads[#reads + 1] = took
	if not ok then
		read_non2xx[status] = (read_non2xx[status] or 0) + 1
	end
	-- AgentJob's first "status" is the job's own: Jackson writes a record's components in order.
	local state = ok and body:match('"status"%s*:%s*"(%a+)"')
	if state == "succeeded" or state == "failed" or state == "cancelled" then
		generations[#generations + 1] = now_ms() - submitted_at
		outcomes[state] = (outcomes[state] or 0) + 1
		job = nil
	end
end

function delay()
	return job and poll_ms or 0
end

local function percentile(samples, p)
	if #samples == 0 then
		return 0
	end
	table.sort(samples)
	return samples[math.max(1, math.ceil(#samples * p / 100))]
end

local function gather(name)
	local all = {}
	for _, thread in ipairs(threads) do
		for _, value in ipairs(thread:get(name)) do
			all[#all + 1] = value
		end
	end
	return all
end

local function latency_json(samples)
	return common.latency_json(percentile(samples, 50), percentile(samples, 95), percentile(samples, 99),
		percentile(samples, 100))
end

function done(summary)
	local seconds = summary.duration / 1e6
	local submit_statuses, submit_failed = common.merged_counts(threads, "submit_non2xx")
	local read_statuses, read_failed = common.merged_counts(threads, "read_non2xx")
	local finished = common.merged_counts(threads, "outcomes")
	local submitted, read, generated = gather("submits"), gather("reads"), gather("generations")
	-- wrk counts socket errors per process, not per request: they go with the submissions, since the
	-- submissions and the reads share each user's connection.
	common.write_route("generate-submit", seconds, #submitted, submit_statuses, submit_failed,
		common.socket_errors_json(summary.errors), latency_json(submitted))
	common.write_route("generate-read", seconds, #read, read_statuses, read_failed, common.NO_SOCKET_ERRORS,
		latency_json(read))
	common.write_route("generation", seconds, #generated, "{}", 0, common.NO_SOCKET_ERRORS, latency_json(generated),
		'"outcomes":' .. finished .. ",")
end
