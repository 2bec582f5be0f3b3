# The local cluster: archon-sim, N instances of each service, NGINX, Prometheus and the exporters,
# each a process of ours with a pid file under .archon/run and a log under .archon/logs.

ARCHON_VERSION=0.1.0-SNAPSHOT
ARCHON_NGINX_PORT=8080
ARCHON_PROMETHEUS_PORT=9090
ARCHON_SIM_PORT=8123
ARCHON_ALL_SERVICES="agentgen vector ha-bridge"

service_base_port() {
	case $1 in
		agentgen) echo 8101 ;;
		vector) echo 8201 ;;
		ha-bridge) echo 8301 ;;
		*) die "unknown service '$1' (known: $ARCHON_ALL_SERVICES)" ;;
	esac
}

# Heap per instance: about seven JVMs share two cores and the machine with PostgreSQL; the vector
# service holds the ONNX embedding model and its buffers off the heap as well.
service_heap() {
	case $1 in
		vector) echo 768m ;;
		*) echo 384m ;;
	esac
}

service_jar() {
	case $1 in
		sim) echo "$ARCHON_ROOT/archon-sim/target/archon-sim-$ARCHON_VERSION-exec.jar" ;;
		*) echo "$ARCHON_ROOT/archon-$1/target/archon-$1-$ARCHON_VERSION.jar" ;;
	esac
}

selected_services() {
	local svc
	for svc in ${ARCHON_SERVICES-$ARCHON_ALL_SERVICES}; do
		service_base_port "$svc" >/dev/null
		echo "$svc"
	done
}

# --- secrets -------------------------------------------------------------------------------------------

# A secret from the environment when set, else one generated once and kept, readable by us only.
secret() {
	local value=$1 file=$2
	if [[ -n $value ]]; then
		echo "$value"
		return
	fi
	if [[ ! -s $file ]]; then
		(umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$file")
	fi
	chmod 600 "$file"
	cat "$file"
}

api_key() { secret "${ARCHON_API_KEY:-}" "$ARCHON_STATE/api-key"; }
sim_token() { secret "${HA_SIM_TOKEN:-}" "$ARCHON_STATE/ha-token"; }

# --- build ---------------------------------------------------------------------------------------------

jars_stale() {
	local svc jar
	for svc in sim $(selected_services); do
		jar=$(service_jar "$svc")
		[[ -f $jar ]] || return 0
		if find "$ARCHON_ROOT/pom.xml" "$ARCHON_ROOT"/archon-*/pom.xml "$ARCHON_ROOT"/archon-*/src \
			-newer "$jar" -print -quit 2>/dev/null | grep -q .; then
			return 0
		fi
	done
	return 1
}

build_jars() {
	if [[ ${ARCHON_SKIP_BUILD:-} == 1 ]]; then
		info "ARCHON_SKIP_BUILD=1: using the jars as they are"
		return
	fi
	jars_stale || return 0
	info "building the jars (./mvnw -q -DskipTests package)"
	maven -q -DskipTests package || die "the build failed"
	# The jar plugin leaves an up-to-date jar untouched: without this, a changed test file would make
	# every later 'up' build again.
	local svc
	for svc in sim $(selected_services); do
		touch "$(service_jar "$svc")"
	done
}

# --- Java processes ------------------------------------------------------------------------------------

# The heap starts at its full size: started small, the serial collector grows it only slowly, and a young
# generation of a few megabytes made the bridge collect every second under load, each pause landing on
# whatever request was in flight (measured: 60,000-70,000 commands/min through the bridges with -Xms64m,
# 80,000 with the young generation at 128 MB). Linux commits the pages only as they are used.
java_opts() {
	local heap
	heap=$(service_heap "$1")
	echo "-Xms$heap -Xmx$heap -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
}

# start_java NAME SVC PORT: starts one instance unless that very instance already runs.
start_java() {
	local name=$1 svc=$2 port=$3 jar key token pid
	jar=$(service_jar "$svc")
	if pid=$(running_pid "$name"); then
		echo "$name already running (pid $pid, port $port)"
		return
	fi
	[[ -f $jar ]] || die "$jar is missing: build it (./mvnw -DskipTests package) or drop $svc from ARCHON_SERVICES"
	port_open "$port" && die "port $port is taken by a process that ./archon did not start (for $name)"
	port_open $((port + 1000)) && die "management port $((port + 1000)) is taken by a process that ./archon did not start (for $name)"
	key=$(api_key)
	token=$(sim_token)
	# Every instance and its management port listen on loopback only: NGINX is the one public entry.
	local -a bind=("SERVER_ADDRESS=127.0.0.1" "MANAGEMENT_SERVER_ADDRESS=127.0.0.1")
	local -a env=(
		"${bind[@]}"
		"SERVER_PORT=$port"
		"ARCHON_INSTANCE=$name"
		"ARCHON_DB_URL=jdbc:postgresql://localhost:$ARCHON_PG_PORT/archon"
		"ARCHON_DB_USER=archon"
		"ARCHON_DB_PASSWORD=archon"
		"ARCHON_REDIS_URL=redis://localhost:$ARCHON_REDIS_PORT"
		"ARCHON_API_KEYS=$key${ARCHON_API_KEYS:+,$ARCHON_API_KEYS}"
		"ARCHON_API_KEY=$key"
		"ARCHON_VECTOR_URL=http://localhost:$ARCHON_NGINX_PORT"
	)
	case $svc in
		sim) env=("${bind[@]}" "SERVER_PORT=$port" "ARCHON_INSTANCE=$name" "HA_SIM_TOKEN=$token") ;;
		ha-bridge)
			# Our simulator, unless the user points the bridge at a real Home Assistant.
			if [[ -n ${HA_URL:-} ]]; then
				env+=("HA_URL=$HA_URL" "HA_TOKEN=${HA_TOKEN:-}")
			else
				env+=("HA_URL=http://localhost:$ARCHON_SIM_PORT" "HA_TOKEN=$token")
			fi
			;;
	esac
	local -a opts
	read -r -a opts <<<"$(java_opts "$svc") ${ARCHON_JAVA_OPTS:-}"
	info "starting $name on port $port"
	(cd "$ARCHON_ROOT" && spawn "$name" env "${env[@]}" "$(java_home)/bin/java" "${opts[@]}" -jar "$jar")
}

readiness_url() { echo "http://127.0.0.1:$(($1 + 1000))/actuator/health/readiness"; }

# DEGRADED is ready too: an instance reports it while Redis is down, and serves without it.
is_ready() {
	curl -fsS --max-time 2 "$(readiness_url "$1")" 2>/dev/null | grep -Eq '"status" *: *"(UP|DEGRADED)"'
}

# wait_ready NAME PORT...: waits until every instance answers UP on its management port; fails at
# once with its last log lines when one dies, and after ARCHON_UP_TIMEOUT seconds otherwise.
wait_ready() {
	local deadline=$((SECONDS + ${ARCHON_UP_TIMEOUT:-300})) pending=("$@") still entry name port
	while ((${#pending[@]} > 0)); do
		still=()
		for entry in "${pending[@]}"; do
			name=${entry%:*}
			port=${entry#*:}
			if ! running_pid "$name" >/dev/null; then
				tail_log "$name" 40
				die "$name exited during start-up (log: .archon/logs/$name.log)"
			fi
			if start_failed "$name"; then
				tail_log "$name" 40
				die "$name failed to start (log: .archon/logs/$name.log)"
			fi
			if is_ready "$port"; then
				info "$name is ready"
			else
				still+=("$entry")
			fi
		done
		pending=("${still[@]+"${still[@]}"}")
		((${#pending[@]} == 0)) && break
		if ((SECONDS > deadline)); then
			for entry in "${pending[@]}"; do
				tail_log "${entry%:*}" 40
			done
			die "not ready after ${ARCHON_UP_TIMEOUT:-300}s: ${pending[*]%:*} (ARCHON_UP_TIMEOUT raises the limit)"
		fi
		sleep 1
	done
}

# --- NGINX ---------------------------------------------------------------------------------------------

render_upstreams() {
	local instances=$1 svc i base
	echo "# Rendered by ./archon up for $instances instance(s) of each service; do not edit."
	for svc in $ARCHON_ALL_SERVICES; do
		base=$(service_base_port "$svc")
		printf '\nupstream archon_%s {\n\tzone archon_%s 64k;\n\tleast_conn;\n' "${svc//-/_}" "${svc//-/_}"
		for ((i = 0; i < instances; i++)); do
			printf '\tserver 127.0.0.1:%d max_fails=2 fail_timeout=10s;\n' $((base + i))
		done
		printf '\tkeepalive 32;\n\tkeepalive_requests 10000;\n\tkeepalive_timeout 60s;\n}\n'
	done
}

nginx_args() {
	echo -p "$ARCHON_STATE/nginx/" -c conf/nginx.conf -e "$ARCHON_LOGS/nginx-error.log"
}

# Copies the one nginx.conf of the repository next to the rendered upstreams, so its relative include
# finds them; the prefix keeps temp files under .archon.
prepare_nginx() {
	local instances=$1
	mkdir -p "$ARCHON_STATE/nginx/conf" "$ARCHON_STATE/nginx/temp"
	cp "$ARCHON_ROOT/nginx/nginx.conf" "$ARCHON_STATE/nginx/conf/nginx.conf"
	render_upstreams "$instances" >"$ARCHON_STATE/nginx/conf/upstreams.conf"
}

nginx_test() {
	# shellcheck disable=SC2046
	nginx $(nginx_args) -g "pid $ARCHON_RUN/nginx-master.pid;" -t -q
}

start_nginx() {
	local instances=$1 pid
	prepare_nginx "$instances"
	nginx_test || die "nginx -t failed for $ARCHON_STATE/nginx/conf/nginx.conf"
	if pid=$(running_pid nginx); then
		info "reloading NGINX (pid $pid)"
		kill -HUP "$pid"
		return
	fi
	port_open "$ARCHON_NGINX_PORT" && die "port $ARCHON_NGINX_PORT is taken by a process that ./archon did not start"
	info "starting NGINX on port $ARCHON_NGINX_PORT"
	# shellcheck disable=SC2046
	spawn nginx nginx $(nginx_args) -g "daemon off; pid $ARCHON_RUN/nginx-master.pid;"
	local i
	for ((i = 0; i < 50; i++)); do
		port_open "$ARCHON_NGINX_PORT" && return 0
		sleep 0.1
	done
	tail_log nginx
	die "NGINX did not start"
}

# --- Prometheus and exporters --------------------------------------------------------------------------

# name port binary args...: an exporter of ours, unless its port already answers (a system exporter
# is as good) or Debian's package is not installed.
start_exporter() {
	local name=$1 port=$2 bin=$3
	shift 3
	running_pid "$name" >/dev/null && return 0
	port_open "$port" && return 0
	command -v "$bin" >/dev/null || return 1
	spawn "$name" "$bin" "$@"
}

start_exporters() {
	start_exporter nginx-exporter 9113 prometheus-nginx-exporter \
		-nginx.scrape-uri=http://127.0.0.1:8081/stub_status -web.listen-address=127.0.0.1:9113 || true
	start_exporter redis-exporter 9121 prometheus-redis-exporter \
		-redis.addr=redis://127.0.0.1:"$ARCHON_REDIS_PORT" -web.listen-address=127.0.0.1:9121 || true
	# Only what the dashboards and alerts read: pg_settings alone is a few hundred series nobody queries,
	# and node_exporter's default collectors are a few dozen, of which the Platform dashboard uses four.
	DATA_SOURCE_NAME="postgresql://archon:archon@localhost:$ARCHON_PG_PORT/archon?sslmode=disable" \
		start_exporter postgres-exporter 9187 prometheus-postgres-exporter --web.listen-address=127.0.0.1:9187 \
		--disable-settings-metrics \
		--extend.query-path="$ARCHON_ROOT/deploy/prometheus/postgres-exporter-queries.yml" || true
	start_exporter node-exporter 9100 prometheus-node-exporter --web.listen-address=127.0.0.1:9100 \
		--collector.disable-defaults --collector.cpu --collector.meminfo --collector.filesystem \
		--collector.netdev || true
}

# targets_json PORT...: one file_sd target group on localhost.
targets_json() {
	local first=true port
	printf '[{"targets":['
	for port in "$@"; do
		$first || printf ','
		printf '"localhost:%d"' "$port"
		first=false
	done
	printf ']}]\n'
}

write_targets() {
	local instances=$1 dir=$ARCHON_STATE/prometheus/targets svc base i
	mkdir -p "$dir"
	for svc in $ARCHON_ALL_SERVICES; do
		base=$(service_base_port "$svc")
		local ports=()
		for ((i = 0; i < instances; i++)); do
			ports+=($((base + 1000 + i)))
		done
		# Written aside and renamed, so Prometheus never reads half a file.
		targets_json "${ports[@]}" >"$dir/$svc.json.tmp" && mv "$dir/$svc.json.tmp" "$dir/$svc.json"
	done
	targets_json $((ARCHON_SIM_PORT + 1000)) >"$dir/sim.json"
	targets_json 9113 >"$dir/nginx.json"
	targets_json 9121 >"$dir/redis.json"
	targets_json 9187 >"$dir/postgres.json"
	targets_json 9100 >"$dir/node.json"
}

prepare_prometheus() {
	local dir=$ARCHON_STATE/prometheus
	mkdir -p "$dir/data"
	cp "$ARCHON_ROOT/deploy/prometheus/prometheus.yml" "$dir/prometheus.yml"
	# The services' metrics need the API key (prometheus.yml names this file beside itself).
	(umask 077 && api_key >"$dir/api-key")
	# The rules stay in the repository, so an edit there is what Prometheus loads on its next reload.
	ln -sfn "$ARCHON_ROOT/deploy/prometheus/rules" "$dir/rules"
}

start_prometheus() {
	local instances=$1 pid
	prepare_prometheus
	write_targets "$instances"
	if pid=$(running_pid prometheus); then
		kill -HUP "$pid"
		return
	fi
	port_open "$ARCHON_PROMETHEUS_PORT" && die "port $ARCHON_PROMETHEUS_PORT is taken by a process that ./archon did not start"
	info "starting Prometheus on 127.0.0.1:$ARCHON_PROMETHEUS_PORT"
	spawn prometheus prometheus \
		--config.file="$ARCHON_STATE/prometheus/prometheus.yml" \
		--storage.tsdb.path="$ARCHON_STATE/prometheus/data" \
		--storage.tsdb.retention.time=2d \
		--web.listen-address=127.0.0.1:$ARCHON_PROMETHEUS_PORT \
		--web.enable-lifecycle
}

# --- commands ------------------------------------------------------------------------------------------

# Instances above N from an earlier, larger 'up' are stopped, so the cluster is exactly what was asked.
stop_extra_instances() {
	local instances=$1 file name svc n
	for file in "$ARCHON_RUN"/*.pid; do
		[[ -e $file ]] || continue
		name=$(basename "$file" .pid)
		[[ $name =~ ^(agentgen|vector|ha-bridge)-([0-9]+)$ ]] || continue
		svc=${BASH_REMATCH[1]}
		n=${BASH_REMATCH[2]}
		if ((n > instances)) || [[ " $(selected_services | tr '\n' ' ') " != *" $svc "* ]]; then
			stop_process "$name"
		fi
	done
}

check_through_nginx() {
	local key svc path code
	key=$(api_key)
	for svc in $(selected_services); do
		case $svc in
			agentgen) path=/api/v1/llm/providers ;;
			vector) path=/api/v1/vector/sources ;;
			ha-bridge) path=/api/v1/ha/states ;;
		esac
		# NGINX keeps an upstream it saw fail out of rotation for fail_timeout (10 s), and a reload
		# keeps that state: instances restarted after an outage get traffic only once it runs out.
		local deadline=$((SECONDS + 15))
		while :; do
			code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $key" \
				"http://localhost:$ARCHON_NGINX_PORT$path") || code=000
			[[ $code == 5* || $code == 000 ]] && ((SECONDS < deadline)) || break
			sleep 1
		done
		case $code in
			200) info "through NGINX: GET $path -> 200" ;;
			5* | 000) die "through NGINX: GET $path -> $code" ;;
			401 | 403) die "through NGINX: GET $path -> $code: the service refuses the API key of .archon/api-key" ;;
			*) warn "through NGINX: GET $path -> $code (the service answers, the route may not exist yet)" ;;
		esac
	done
}

# The agent-generation advisor retrieves examples, tools and MCP servers from archon-vector. Ingesting
# replaces each file's chunks, so doing it at every 'up' keeps the source current without duplicates.
ingest_agent_resources() {
	selected_services | grep -qx vector || return 0
	info "ingesting agent-resources/ as the source agent_resources"
	cmd_ingest "$ARCHON_ROOT/agent-resources" --source agent_resources >/dev/null ||
		die "ingesting agent-resources/ failed (./archon logs vector)"
}

cmd_up() {
	local instances=2
	while [[ $# -gt 0 ]]; do
		case $1 in
			--instances) instances=${2:-}; shift 2 || die "--instances needs a number" ;;
			--instances=*) instances=${1#*=}; shift ;;
			*) die "up: unknown option $1" ;;
		esac
	done
	[[ $instances =~ ^[1-9]$ ]] || die "--instances must be between 1 and 9"

	ensure_state_dirs
	ensure_packages "${ARCHON_CLUSTER_PACKAGES[@]}"
	ensure_pgvector
	ensure_postgres
	ensure_redis
	build_jars
	api_key >/dev/null
	sim_token >/dev/null

	stop_extra_instances "$instances"
	local svc i port waits=()
	start_java sim sim "$ARCHON_SIM_PORT"
	for svc in $(selected_services); do
		[[ $svc == ha-bridge ]] && continue
		for ((i = 1; i <= instances; i++)); do
			port=$(($(service_base_port "$svc") + i - 1))
			start_java "$svc-$i" "$svc" "$port"
			waits+=("$svc-$i:$port")
		done
	done
	# The bridge loads Home Assistant's states when it starts, so the simulator must answer first.
	wait_ready "sim:$ARCHON_SIM_PORT"
	if selected_services | grep -qx ha-bridge; then
		for ((i = 1; i <= instances; i++)); do
			port=$(($(service_base_port ha-bridge) + i - 1))
			start_java "ha-bridge-$i" ha-bridge "$port"
			waits+=("ha-bridge-$i:$port")
		done
	fi
	start_nginx "$instances"
	start_exporters
	start_prometheus "$instances"
	((${#waits[@]} > 0)) && wait_ready "${waits[@]}"
	check_through_nginx
	ingest_agent_resources

	local key
	key=$(api_key)
	cat <<DONE

Archon is up: $instances instance(s) of $(selected_services | tr '\n' ' ')behind NGINX.
  API            http://localhost:$ARCHON_NGINX_PORT/api/v1/...
  Prometheus     http://localhost:$ARCHON_PROMETHEUS_PORT
  Home Assistant http://localhost:$ARCHON_SIM_PORT (archon-sim; token in .archon/ha-token)
  API key        $key   (also in .archon/api-key)
  Logs           .archon/logs/   (./archon logs vector)

Try:
  curl -H "Authorization: Bearer $key" http://localhost:$ARCHON_NGINX_PORT/api/v1/ha/states?domain=light
  ./archon generate "An agent that answers questions about the Pydantic AI docs"
DONE
}

# Everything with a pid file of ours, in the order to stop it: NGINX first, so no request reaches an
# instance that is shutting down, then the services, the simulator and the monitoring.
owned_processes() {
	local file name
	echo nginx
	for file in "$ARCHON_RUN"/*.pid; do
		[[ -e $file ]] || continue
		name=$(basename "$file" .pid)
		case $name in
			nginx | nginx-master | redis | sim | prometheus | *-exporter) ;;
			*) echo "$name" ;;
		esac
	done
	echo sim prometheus nginx-exporter redis-exporter postgres-exporter node-exporter
}

cmd_down() {
	local all=false name pids=()
	[[ ${1:-} == --all ]] && all=true
	ensure_state_dirs
	stop_process nginx
	# The rest stop in parallel: each service needs a few seconds of graceful shutdown.
	for name in $(owned_processes); do
		[[ $name == nginx ]] && continue
		stop_process "$name" &
		pids+=($!)
	done
	local pid
	for pid in "${pids[@]}"; do
		wait "$pid" || true
	done
	rm -f "$ARCHON_RUN/nginx-master.pid"
	if $all; then
		stop_process redis
		stop_redis_cluster
		if [[ -f $ARCHON_RUN/postgres.started ]]; then
			as_root pg_ctlcluster "$ARCHON_PG_VERSION" "$ARCHON_PG_CLUSTER" stop && echo "stopped PostgreSQL"
			rm -f "$ARCHON_RUN/postgres.started"
		fi
	fi
}

health_of() {
	local name=$1 port=$2
	case $name in
		nginx) curl -fsS --max-time 2 "http://127.0.0.1:$port/nginx-health" >/dev/null 2>&1 && echo UP || echo DOWN ;;
		prometheus) curl -fsS --max-time 2 "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && echo UP || echo DOWN ;;
		redis) redis_ping && echo UP || echo DOWN ;;
		*-exporter) curl -fsS --max-time 2 "http://127.0.0.1:$port/metrics" >/dev/null 2>&1 && echo UP || echo DOWN ;;
		*) is_ready "$port" && echo UP || echo DOWN ;;
	esac
}

port_of() {
	local name=$1
	case $name in
		nginx) echo "$ARCHON_NGINX_PORT" ;;
		prometheus) echo "$ARCHON_PROMETHEUS_PORT" ;;
		redis) echo "$ARCHON_REDIS_PORT" ;;
		sim) echo "$ARCHON_SIM_PORT" ;;
		nginx-exporter) echo 9113 ;;
		redis-exporter) echo 9121 ;;
		postgres-exporter) echo 9187 ;;
		node-exporter) echo 9100 ;;
		*-[0-9]*) echo $(($(service_base_port "${name%-*}") + ${name##*-} - 1)) ;;
	esac
}

cmd_status() {
	ensure_state_dirs
	local file name pid port
	printf '%-18s %-8s %-6s %-6s %s\n' NAME PID PORT HEALTH NOTE
	local pg
	pg=$(pg_cluster_state)
	printf '%-18s %-8s %-6s %-6s %s\n' postgresql - "$ARCHON_PG_PORT" \
		"$(pg_isready -q -h localhost -p "$ARCHON_PG_PORT" 2>/dev/null && echo UP || echo DOWN)" "Debian cluster $ARCHON_PG_VERSION/$ARCHON_PG_CLUSTER (${pg:-missing})"
	if ! running_pid redis >/dev/null; then
		printf '%-18s %-8s %-6s %-6s %s\n' redis - "$ARCHON_REDIS_PORT" "$(redis_ping && echo UP || echo DOWN)" "not started by ./archon"
	fi
	for file in "$ARCHON_RUN"/*.pid; do
		[[ -e $file ]] || continue
		name=$(basename "$file" .pid)
		[[ $name == nginx-master ]] && continue
		port=$(port_of "$name")
		if pid=$(running_pid "$name"); then
			local note=""
			[[ $name =~ -[0-9]+$ || $name == sim ]] && note="management $((port + 1000))"
			printf '%-18s %-8s %-6s %-6s %s\n' "$name" "$pid" "$port" "$(health_of "$name" "$port")" "$note"
		else
			printf '%-18s %-8s %-6s %-6s %s\n' "$name" - "$port" EXITED "see .archon/logs/$name.log"
		fi
	done
}

cmd_logs() {
	local name=${1:-} follow=false
	[[ -n $name ]] || die "usage: ./archon logs NAME [-f]"
	[[ ${2:-} == -f ]] && follow=true
	local logs=()
	if [[ -f $ARCHON_LOGS/$name.log ]]; then
		logs=("$ARCHON_LOGS/$name.log")
	else
		local f
		for f in "$ARCHON_LOGS/$name"-[0-9]*.log; do
			[[ -e $f ]] && logs+=("$f")
		done
	fi
	((${#logs[@]} > 0)) || die "no log for '$name' in .archon/logs ($(cd "$ARCHON_LOGS" && ls -- *.log 2>/dev/null | sed 's/\.log$//' | tr '\n' ' '))"
	if $follow; then
		tail -n 100 -F "${logs[@]}"
	else
		tail -n 200 "${logs[@]}"
	fi
}

cmd_test() {
	ensure_state_dirs
	ensure_packages "${ARCHON_SERVICE_PACKAGES[@]}" nginx prometheus docker-compose
	ensure_pgvector
	ensure_postgres
	ensure_redis
	start_redis_cluster
	local failed=()

	info "nginx -t"
	prepare_nginx 2
	nginx_test || failed+=("nginx -t")
	# The docker-compose upstreams too, with the replicas' host names (unknown here) made loopback.
	sed -E 's/server [a-z-]+-[0-9]+:/server 127.0.0.1:/' "$ARCHON_ROOT/nginx/upstreams.docker.conf" \
		>"$ARCHON_STATE/nginx/conf/upstreams.conf"
	nginx_test || failed+=("nginx -t with upstreams.docker.conf")
	prepare_nginx 2

	info "promtool check config"
	prepare_prometheus
	write_targets 2
	promtool check config "$ARCHON_STATE/prometheus/prometheus.yml" >/dev/null || failed+=("promtool check config")
	info "deploy/prometheus/check (promtool check config, check rules, test rules)"
	"$ARCHON_ROOT/deploy/prometheus/check" >/dev/null || failed+=("deploy/prometheus/check")

	info "docker-compose config -q"
	(cd "$ARCHON_ROOT" && ARCHON_API_KEY=$(api_key) HA_TOKEN=$(sim_token) docker-compose config -q) ||
		failed+=("docker-compose config")

	info "./mvnw -B verify"
	# Only this run's responses are for the secrets scan below to read.
	rm -rf "$ARCHON_ROOT"/archon-*/target/test-responses
	ARCHON_TEST_PG_URL=jdbc:postgresql://localhost:$ARCHON_PG_PORT/archon_test \
		ARCHON_TEST_PG_USER=archon \
		ARCHON_TEST_PG_PASSWORD=archon \
		ARCHON_TEST_REDIS_URL=redis://localhost:$ARCHON_REDIS_PORT \
		ARCHON_TEST_REDIS_CLUSTER_NODES=$(redis_cluster_nodes) \
		maven -B verify || failed+=("./mvnw -B verify")
	stop_redis_cluster

	info "secrets scan of the tests' output, their responses and .archon/logs"
	"$(java_home)/bin/java" -cp "$ARCHON_ROOT/archon-test-support/target/classes" \
		dev.archon.test.secrets.SecretsScan "$ARCHON_ROOT" || failed+=("secrets scan")

	if ((${#failed[@]} > 0)); then
		printf '\033[1;31mFAILED:\033[0m %s\n' "${failed[@]}" >&2
		exit 1
	fi
	info "all checks passed"
}
