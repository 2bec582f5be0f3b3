# Thin clients over the REST API, through NGINX, with the API key of ./archon up.

archon_url() { echo "${ARCHON_URL:-http://localhost:$ARCHON_NGINX_PORT}"; }

client_key() {
	if [[ -n ${ARCHON_API_KEY:-} ]]; then
		echo "$ARCHON_API_KEY"
	elif [[ -s $ARCHON_STATE/api-key ]]; then
		cat "$ARCHON_STATE/api-key"
	else
		die "no API key: run ./archon up first, or set ARCHON_API_KEY"
	fi
}

require_jq() {
	command -v jq >/dev/null || ensure_packages jq
}

# api METHOD PATH [JSON]: prints the response body; on an error status prints the problem and fails.
api() {
	local method=$1 path=$2 body=${3:-} out code
	local -a args=(-sS -X "$method" -H "Authorization: Bearer $(client_key)" -H 'Accept: application/json'
		-w '\n%{http_code}' --max-time "${ARCHON_CLIENT_TIMEOUT:-120}")
	if [[ -n $body ]]; then
		args+=(-H 'Content-Type: application/json' --data-binary @-)
	fi
	out=$(printf '%s' "$body" | curl "${args[@]}" "$(archon_url)$path") ||
		die "$method $path: no answer from $(archon_url) (is the cluster up? ./archon status)"
	code=${out##*$'\n'}
	out=${out%$'\n'*}
	if ((code >= 400)); then
		local detail
		detail=$(jq -r '"\(.title // "error"): \(.detail // "")" + (if .requestId then " (request \(.requestId))" else "" end)' <<<"$out" 2>/dev/null) ||
			detail=$out
		die "$method $path -> $code $detail"
	fi
	printf '%s\n' "$out"
}

# Writes each {"path","content"} file under DIR, refusing absolute paths and any ".." component.
write_files() {
	local dir=$1 json=$2 count i path
	count=$(jq '.files | length' <<<"$json")
	mkdir -p "$dir"
	for ((i = 0; i < count; i++)); do
		path=$(jq -r ".files[$i].path" <<<"$json")
		if [[ $path == /* || /$path/ == */../* || -z $path ]]; then
			warn "skipping unsafe file name '$path'"
			continue
		fi
		mkdir -p "$dir/$(dirname "$path")"
		jq -j ".files[$i].content" <<<"$json" >"$dir/$path"
		echo "  $dir/$path"
	done
}

cmd_generate() {
	local description=${1:-}
	[[ -n $description ]] || die 'usage: ./archon generate "DESCRIPTION"'
	require_jq
	local created id
	created=$(api POST /api/v1/agents "$(jq -n --arg d "$description" '{description: $d}')")
	id=$(jq -r '.id // empty' <<<"$created")
	[[ -n $id ]] || die "no job id in the answer: $created"
	info "job $id accepted; waiting for it to finish"
	local deadline=$((SECONDS + ${ARCHON_GENERATE_TIMEOUT:-900})) job status seen=""
	while :; do
		job=$(api GET "/api/v1/agents/$id")
		status=$(jq -r '.status // "unknown"' <<<"$job")
		if [[ $status != "$seen" ]]; then
			info "status: $status"
			seen=$status
		fi
		case $status in
			succeeded | failed | cancelled) break ;;
		esac
		((SECONDS < deadline)) || die "job $id still $status after ${ARCHON_GENERATE_TIMEOUT:-900}s (ARCHON_GENERATE_TIMEOUT)"
		sleep 2
	done
	if [[ $status != succeeded ]]; then
		jq . <<<"$job" >&2
		die "job $id $status"
	fi
	local dir=generated/$id
	write_files "$dir" "$job"
	[[ $(jq -r '.degraded // false' <<<"$job") == true ]] &&
		warn "made by the built-in template provider (no LLM provider answered): the result is plain"
	info "agent written to $dir"
}

cmd_search() {
	local query="" source="" limit=""
	while [[ $# -gt 0 ]]; do
		case $1 in
			--source) source=${2:?--source needs a name}; shift 2 ;;
			--limit) limit=${2:?--limit needs a number}; shift 2 ;;
			*) [[ -z $query ]] || die "usage: ./archon search \"QUERY\" [--source NAME] [--limit N]"; query=$1; shift ;;
		esac
	done
	[[ -n $query ]] || die 'usage: ./archon search "QUERY" [--source NAME] [--limit N]'
	require_jq
	local body out
	body=$(jq -n --arg q "$query" --arg s "$source" --arg l "$limit" \
		'{query: $q} + (if $s != "" then {source: $s} else {} end) + (if $l != "" then {limit: ($l | tonumber)} else {} end)')
	out=$(api POST /api/v1/vector/search "$body")
	jq -r '.results[] | "\(.score * 1000 | round / 1000)\t\(.url)#\(.chunkNumber)\t\(.title // "")"' <<<"$out" 2>/dev/null ||
		printf '%s\n' "$out"
}

cmd_ingest() {
	local dir="" sitemap="" source=""
	while [[ $# -gt 0 ]]; do
		case $1 in
			--source) source=${2:?--source needs a name}; shift 2 ;;
			--sitemap) sitemap=${2:?--sitemap needs a URL}; shift 2 ;;
			*) [[ -z $dir ]] || die "usage: ./archon ingest DIR --source NAME"; dir=$1; shift ;;
		esac
	done
	[[ -n $source ]] || die "usage: ./archon ingest DIR --source NAME | ./archon ingest --sitemap URL --source NAME"
	require_jq
	if [[ -n $sitemap ]]; then
		api POST /api/v1/vector/crawls "$(jq -n --arg s "$source" --arg u "$sitemap" '{source: $s, sitemapUrl: $u}')"
		return
	fi
	[[ -d $dir ]] || die "$dir is not a directory"
	local -a files
	mapfile -t files < <(cd "$dir" && find . -type f \( -name '*.md' -o -name '*.mdx' -o -name '*.markdown' \) | sed 's#^\./##' | sort)
	((${#files[@]} > 0)) || die "no Markdown files under $dir"
	local batch=${ARCHON_INGEST_BATCH:-20} i j end body
	for ((i = 0; i < ${#files[@]}; i += batch)); do
		end=$((i + batch < ${#files[@]} ? i + batch : ${#files[@]}))
		body=$(for ((j = i; j < end; j++)); do
			jq -Rs --arg url "file://${files[j]}" '{url: $url, content: .}' "$dir/${files[j]}"
		done | jq -s --arg s "$source" '{source: $s, documents: .}')
		info "documents $((i + 1))-$end of ${#files[@]}"
		api POST /api/v1/vector/documents "$body" | jq -c .
	done
}

cmd_ha() {
	local sub=${1:-}
	[[ $# -gt 0 ]] && shift
	require_jq
	case $sub in
		states)
			local query=""
			[[ -n ${1:-} ]] && query="?domain=$(jq -rn --arg v "$1" '$v | @uri')"
			local out
			out=$(api GET "/api/v1/ha/states$query")
			jq -r '(if type == "array" then . else (.states // .items // []) end)[] | "\(.entity_id // .entityId)\t\(.state)"' <<<"$out" 2>/dev/null ||
				printf '%s\n' "$out"
			;;
		call)
			[[ $# -ge 3 ]] || die "usage: ./archon ha call DOMAIN SERVICE ENTITY_ID [DATA_JSON]"
			local data=${4:-"{}"}
			jq -e 'type == "object"' <<<"$data" >/dev/null 2>&1 || die "DATA_JSON must be a JSON object"
			api POST "/api/v1/ha/services/$(jq -rn --arg v "$1" '$v | @uri')/$(jq -rn --arg v "$2" '$v | @uri')" \
				"$(jq -n --arg e "$3" --argjson d "$data" '{target: {entity_id: [$e]}, data: $d}')" | jq .
			;;
		*) die "usage: ./archon ha states [DOMAIN] | ./archon ha call DOMAIN SERVICE ENTITY_ID [DATA_JSON]" ;;
	esac
}

cmd_bench() {
	local name=${1:-}
	local available
	available=$(cd "$ARCHON_ROOT" && find bench -mindepth 2 -maxdepth 2 -name run -perm -u+x 2>/dev/null | cut -d/ -f2 | sort | tr '\n' ' ')
	[[ -n $name ]] || die "usage: ./archon bench NAME (available: ${available:-none yet})"
	local run=$ARCHON_ROOT/bench/$name/run
	[[ -x $run ]] || die "no benchmark '$name' (available: ${available:-none yet})"
	shift
	exec "$run" "$@"
}
