# Provisioning from Debian packages: what the cluster needs, PostgreSQL 15 with pgvector, and Redis.

ARCHON_PG_VERSION=15
# Overridable so that a fault suite can restart a PostgreSQL of its own (ARCHON_PG_CLUSTER=chaos
# ARCHON_PG_PORT=5433) on a machine where other builds' tests use the one on 5432.
ARCHON_PG_CLUSTER=${ARCHON_PG_CLUSTER:-main}
ARCHON_PG_PORT=${ARCHON_PG_PORT:-5432}
ARCHON_REDIS_PORT=6379
ARCHON_PG_CONFIG=/usr/lib/postgresql/$ARCHON_PG_VERSION/bin/pg_config

ARCHON_CLUSTER_PACKAGES=(
	"postgresql-$ARCHON_PG_VERSION" "postgresql-server-dev-$ARCHON_PG_VERSION" build-essential dpkg-dev
	redis-server redis-tools nginx prometheus wrk jq curl python3-httpx
	prometheus-nginx-exporter prometheus-redis-exporter prometheus-postgres-exporter prometheus-node-exporter
)
ARCHON_SERVICE_PACKAGES=(
	"postgresql-$ARCHON_PG_VERSION" "postgresql-server-dev-$ARCHON_PG_VERSION" build-essential dpkg-dev
	redis-server redis-tools jq curl python3-httpx
)

apt_updated=false
apt_update_once() {
	if ! $apt_updated; then
		info "apt-get update"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		apt_updated=true
	fi
}

package_installed() {
	[[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

ensure_packages() {
	local missing=() pkg
	for pkg in "$@"; do
		package_installed "$pkg" || missing+=("$pkg")
	done
	((${#missing[@]} == 0)) && return 0
	info "installing ${missing[*]}"
	apt_update_once
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
	# Debian starts a system Prometheus on :9090 when it installs the package; ours runs there instead,
	# with our configuration, so the one we have just installed for this purpose is switched off.
	if [[ " ${missing[*]} " == *" prometheus "* ]] && [[ -d /run/systemd/system ]]; then
		as_root systemctl disable --now prometheus.service || true
	fi
}

# The mirror the machine already uses for Debian, so that the trixie sources come from the same place.
debian_mirror() {
	local uri
	uri=$(grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+)\S+/debian/?([[:space:]]|$)' \
		/etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n 1 |
		sed -E 's/^(URIs:[[:space:]]*|deb[[:space:]]+)//; s/[[:space:]]+$//; s#/$##')
	echo "${uri:-http://deb.debian.org/debian}"
}

# pgvector 0.8 is not packaged for bookworm's PostgreSQL 15, so it is built from Debian's own source
# package for trixie. The entry is deb-src only: no trixie binary can ever be installed through it.
ensure_pgvector() {
	local control=/usr/share/postgresql/$ARCHON_PG_VERSION/extension/vector.control
	[[ -f $control ]] && return 0
	info "building pgvector from Debian's trixie source package"
	local list=/etc/apt/sources.list.d/archon-trixie-src.sources
	if [[ ! -f $list ]]; then
		as_root tee "$list" >/dev/null <<SOURCES
Types: deb-src
URIs: $(debian_mirror)
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
		apt_updated=false
	fi
	apt_update_once
	local build=$ARCHON_STATE/build/pgvector
	rm -rf "$build"
	mkdir -p "$build"
	(cd "$build" && apt-get source -qq pgvector/trixie) >"$ARCHON_LOGS/pgvector-build.log" 2>&1 ||
		{ tail -n 30 "$ARCHON_LOGS/pgvector-build.log" >&2; die "apt-get source pgvector failed"; }
	local src
	src=$(find "$build" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
	[[ -n $src ]] || die "no pgvector source tree in $build"
	make -s -C "$src" PG_CONFIG="$ARCHON_PG_CONFIG" >>"$ARCHON_LOGS/pgvector-build.log" 2>&1 ||
		{ tail -n 30 "$ARCHON_LOGS/pgvector-build.log" >&2; die "pgvector did not build"; }
	as_root make -s -C "$src" PG_CONFIG="$ARCHON_PG_CONFIG" install >>"$ARCHON_LOGS/pgvector-build.log" 2>&1 ||
		die "pgvector did not install: see $ARCHON_LOGS/pgvector-build.log"
	[[ -f $control ]] || die "pgvector installed, but $control is missing"
	info "pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" "$control") installed"
}

pg_cluster_state() {
	pg_lsclusters -h 2>/dev/null | awk -v v="$ARCHON_PG_VERSION" -v c="$ARCHON_PG_CLUSTER" '$1 == v && $2 == c { print $4 }'
}

# Settings for a 2-core, 24 GiB machine shared with the services. synchronous_commit=off trades the
# last few hundred milliseconds of commits after an OS crash for latency: fine for a development cluster.
pg_settings() {
	cat <<CONF
# Written by ./archon; edit deploy/local/lib/provision.sh instead.
listen_addresses = 'localhost'
port = $ARCHON_PG_PORT
max_connections = 200
shared_buffers = 1GB
effective_cache_size = 8GB
work_mem = 16MB
maintenance_work_mem = 1GB
max_parallel_maintenance_workers = 2
max_parallel_workers_per_gather = 1
random_page_cost = 1.1
synchronous_commit = off
max_wal_size = 4GB
checkpoint_timeout = 15min
CONF
}

ensure_postgres() {
	if [[ -z $(pg_cluster_state) ]]; then
		info "creating PostgreSQL cluster $ARCHON_PG_VERSION/$ARCHON_PG_CLUSTER"
		as_root pg_createcluster "$ARCHON_PG_VERSION" "$ARCHON_PG_CLUSTER" --port "$ARCHON_PG_PORT"
	fi
	local conf=/etc/postgresql/$ARCHON_PG_VERSION/$ARCHON_PG_CLUSTER/conf.d/archon.conf changed=false
	if [[ "$(cat "$conf" 2>/dev/null)" != "$(pg_settings)" ]]; then
		pg_settings | as_root tee "$conf" >/dev/null
		changed=true
	fi
	case $(pg_cluster_state) in
		online)
			if $changed; then
				info "restarting PostgreSQL for the new settings"
				as_root pg_ctlcluster "$ARCHON_PG_VERSION" "$ARCHON_PG_CLUSTER" restart
			fi
			;;
		*)
			info "starting PostgreSQL $ARCHON_PG_VERSION/$ARCHON_PG_CLUSTER"
			as_root pg_ctlcluster "$ARCHON_PG_VERSION" "$ARCHON_PG_CLUSTER" start
			touch "$ARCHON_RUN/postgres.started"
			;;
	esac
	local i
	for ((i = 0; i < 60; i++)); do
		pg_isready -q -h localhost -p "$ARCHON_PG_PORT" && break
		sleep 0.5
	done
	pg_isready -q -h localhost -p "$ARCHON_PG_PORT" || die "PostgreSQL does not answer on localhost:$ARCHON_PG_PORT"
	ensure_database
}

# The archon role is not a superuser, so the vector extension is created here, by postgres, in both
# databases: the services' Flyway migrations can then rely on it.
ensure_database() {
	as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$ARCHON_PG_PORT" -d postgres >/dev/null <<'SQL'
SET client_min_messages = warning;
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'archon') THEN
		CREATE ROLE archon LOGIN PASSWORD 'archon';
	END IF;
END
$$;
-- Lets prometheus-postgres-exporter, which connects as archon, read the server's statistics.
GRANT pg_monitor TO archon;
SELECT 'CREATE DATABASE archon OWNER archon' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'archon')\gexec
SELECT 'CREATE DATABASE archon_test OWNER archon' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'archon_test')\gexec
SQL
	local db
	for db in archon archon_test; do
		as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$ARCHON_PG_PORT" -d "$db" \
			-c 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null 2>&1 ||
			die "CREATE EXTENSION vector failed in database $db"
	done
}

redis_ping() {
	[[ $(redis-cli -h 127.0.0.1 -p "$ARCHON_REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

# Redis is a cache and a pub/sub bus here: nothing in it needs to survive a restart.
ensure_redis() {
	redis_ping && return 0
	port_open "$ARCHON_REDIS_PORT" && die "something that is not Redis listens on port $ARCHON_REDIS_PORT"
	local dir=$ARCHON_STATE/redis
	mkdir -p "$dir"
	cat >"$dir/redis.conf" <<CONF
# Written by ./archon.
bind 127.0.0.1
port $ARCHON_REDIS_PORT
daemonize no
dir $dir
logfile ""
save ""
appendonly no
maxmemory 1gb
maxmemory-policy allkeys-lru
CONF
	info "starting Redis on 127.0.0.1:$ARCHON_REDIS_PORT"
	spawn redis redis-server "$dir/redis.conf"
	local i
	for ((i = 0; i < 50; i++)); do
		redis_ping && return 0
		sleep 0.1
	done
	tail_log redis
	die "Redis did not start"
}

# A Redis Cluster of three masters and three replicas on loopback, for the tests that prove the services
# work on one and keep working when a master fails (see RealServices.redisClusterNodes). Made anew at each
# start: those tests kill a master, and a cluster that remembers an earlier run's failover is no fresh one.
ARCHON_REDIS_CLUSTER_PORTS=(7101 7102 7103 7104 7105 7106)

redis_cluster_nodes() {
	local port nodes=()
	for port in "${ARCHON_REDIS_CLUSTER_PORTS[@]}"; do nodes+=("127.0.0.1:$port"); done
	(IFS=,; echo "${nodes[*]}")
}

stop_redis_cluster() {
	local port
	for port in "${ARCHON_REDIS_CLUSTER_PORTS[@]}"; do stop_process "redis-cluster-$port" 5 >/dev/null; done
}

start_redis_cluster() {
	stop_redis_cluster
	local dir=$ARCHON_STATE/redis-cluster port i
	rm -rf "$dir"
	mkdir -p "$dir"
	for port in "${ARCHON_REDIS_CLUSTER_PORTS[@]}"; do
		# A node of a test cluster that another checkout's run left behind is ours to stop.
		if [[ $(redis-cli -p "$port" ping 2>/dev/null) == PONG ]]; then
			redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
			for ((i = 0; i < 50; i++)); do port_open "$port" || break; sleep 0.1; done
		fi
		port_open "$port" && die "port $port, which the test Redis Cluster needs, is taken"
		spawn "redis-cluster-$port" redis-server --bind 127.0.0.1 --port "$port" --daemonize no --dir "$dir" \
			--cluster-enabled yes --cluster-config-file "nodes-$port.conf" --cluster-node-timeout 2000 \
			--save "" --appendonly no
	done
	for port in "${ARCHON_REDIS_CLUSTER_PORTS[@]}"; do
		for ((i = 0; i < 50; i++)); do
			[[ $(redis-cli -p "$port" ping 2>/dev/null) == PONG ]] && break
			sleep 0.1
		done
	done
	info "creating a Redis Cluster of 3 masters and 3 replicas on 127.0.0.1:${ARCHON_REDIS_CLUSTER_PORTS[0]}-${ARCHON_REDIS_CLUSTER_PORTS[-1]}"
	# shellcheck disable=SC2046
	redis-cli --cluster create $(redis_cluster_nodes | tr , ' ') --cluster-replicas 1 --cluster-yes >/dev/null ||
		die "redis-cli --cluster create failed"
	for ((i = 0; i < 100; i++)); do
		redis-cli -p "${ARCHON_REDIS_CLUSTER_PORTS[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok' && return 0
		sleep 0.1
	done
	die "the Redis Cluster did not reach cluster_state:ok"
}

cmd_services() {
	ensure_state_dirs
	ensure_packages "${ARCHON_SERVICE_PACKAGES[@]}"
	ensure_pgvector
	ensure_postgres
	ensure_redis
	info "PostgreSQL on localhost:$ARCHON_PG_PORT (archon/archon, databases archon and archon_test), Redis on localhost:$ARCHON_REDIS_PORT"
}
