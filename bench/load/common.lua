-- What route.lua and generate.lua share: their settings, the request headers, and the JSON line that
-- each route's figures are written as.
local common = {}

-- The setting NAME of the environment, which must be set.
function common.setting(name)
	local value = os.getenv(name)
	if not value then
		error(name .. " is not set")
	end
	return value
end

local key = common.setting("LOAD_API_KEY")

common.get_headers = { ["Authorization"] = "Bearer " .. key, ["Accept"] = "application/json" }
common.post_headers = {
	["Authorization"] = "Bearer " .. key,
	["Accept"] = "application/json",
	["Content-Type"] = "application/json",
}

function common.is_2xx(status)
	return status >= 200 and status <= 299
end

-- The per-status counts that each of the threads keeps in its global NAME, added up: a JSON object of
-- them and their sum.
function common.merged_counts(threads, name)
	local all = {}
	for _, thread in ipairs(threads) do
		for k, count in pairs(thread:get(name)) do
			all[k] = (all[k] or 0) + count
		end
	end
	local parts, total = {}, 0
	for k, count in pairs(all) do
		parts[#parts + 1] = string.format('"%s":%d', tostring(k), count)
		total = total + count
	end
	return "{" .. table.concat(parts, ",") .. "}", total
end

function common.socket_errors_json(errors)
	return string.format('{"connect":%d,"read":%d,"write":%d,"timeout":%d}', errors.connect, errors.read,
		errors.write, errors.timeout)
end

common.NO_SOCKET_ERRORS = common.socket_errors_json({ connect = 0, read = 0, write = 0, timeout = 0 })

function common.latency_json(p50, p95, p99, max)
	return string.format('{"p50":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f}', p50, p95, p99, max)
end

-- Appends one route's figures to LOAD_OUT, as one JSON line. extra is more fields, written out (such
-- as '"outcomes":{...},'), or empty.
function common.write_route(route, seconds, requests, statuses, non2xx, socket_errors, latency, extra)
	local out = assert(io.open(common.setting("LOAD_OUT"), "a"))
	out:write(string.format('{"route":"%s","seconds":%.3f,"requests":%d,"non2xx":%d,"statuses":%s,%s'
		.. '"socketErrors":%s,"latencyMs":%s}\n', route, seconds, requests, non2xx, statuses, extra or "",
		socket_errors, latency))
	out:close()
end

return common
