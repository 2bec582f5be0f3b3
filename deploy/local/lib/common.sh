# Shared helpers of the launcher: paths, messages, privileges, and the processes it owns.
# Sourced by ./archon; expects ARCHON_ROOT.

ARCHON_STATE=$ARCHON_ROOT/.archon
ARCHON_RUN=$ARCHON_STATE/run
ARCHON_LOGS=$ARCHON_STATE/logs
ARCHON_HOST_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64

info() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die() {
	printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
	exit 1
}

ensure_state_dirs() {
	mkdir -p "$ARCHON_RUN" "$ARCHON_LOGS"
}

# Runs a command as root: directly when we are root, through sudo when it needs no password, otherwise
# prints the exact command for the user to run and stops.
as_root() {
	if [[ $EUID -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		sudo "$@"
	else
		die "this step needs root; run it yourself, then run ./archon again:
    sudo $(printf '%q ' "$@")"
	fi
}

as_postgres() {
	if [[ $EUID -eq 0 ]]; then
		runuser -u postgres -- "$@"
	elif [[ $(id -un) == postgres ]]; then
		"$@"
	else
		as_root runuser -u postgres -- "$@"
	fi
}

java_home() {
	if [[ -x $ARCHON_HOST_JAVA_HOME/bin/java ]]; then
		echo "$ARCHON_HOST_JAVA_HOME"
	elif [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
		warn "$ARCHON_HOST_JAVA_HOME not found, using JAVA_HOME=$JAVA_HOME"
		echo "$JAVA_HOME"
	else
		local java
		java=$(command -v java) || die "no JDK found: install a JDK 21 or newer (Temurin 25 preferred)"
		warn "$ARCHON_HOST_JAVA_HOME not found, using $java"
		dirname "$(dirname "$(readlink -f "$java")")"
	fi
}

# json_field NAME JSON: NAME's value in the JSON object JSON, strings without their quotes, empty when absent.
json_field() {
	jq -r --arg name "$1" '.[$name] // empty' <<<"$2"
}

# Runs Maven through the wrapper (./mvnw, pinned in .mvn/wrapper/maven-wrapper.properties) with the JDK
# the services run on: the first call fetches that Maven from Maven Central and checks its SHA-256, so
# every machine builds with the same Maven whatever Debian ships. Needs ensure_packages (provision.sh).
maven() {
	command -v unzip >/dev/null || ensure_packages unzip
	command -v curl >/dev/null || ensure_packages curl
	local jh
	jh=$(java_home)
	(cd "$ARCHON_ROOT" && JAVA_HOME=$jh PATH=$jh/bin:$PATH ./mvnw "$@")
}

# The start time of a process in clock ticks since boot: together with the pid it names one process,
# so a pid file left over after a reboot or a pid reused by the kernel is never mistaken for ours.
proc_start_time() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	# shellcheck disable=SC2086
	set -- $stat
	# A zombie has exited already; only its parent has not reaped it yet.
	[[ $1 != Z ]] || return 1
	echo "${20}"
}

# Prints the pid recorded for NAME when that very process is still alive, else fails. NAME.pid holds
# the pid alone, as pid files do; NAME.start holds its start time.
running_pid() {
	local file=$ARCHON_RUN/$1.pid pid="" start=""
	[[ -f $file ]] || return 1
	read -r pid <"$file" || true
	read -r start <"$ARCHON_RUN/$1.start" 2>/dev/null || true
	[[ -n $pid && -n $start ]] || return 1
	[[ $(proc_start_time "$pid" 2>/dev/null) == "$start" ]] || return 1
	echo "$pid"
}

# Starts a command detached from this shell, in its own session, with its output appended to the log
# of NAME. The child records its own pid and start time before it execs, so the pid file always names
# the long-running process itself, never a wrapper.
spawn() {
	local name=$1
	shift
	local pidfile=$ARCHON_RUN/$name.pid log=$ARCHON_LOGS/$name.log
	rm -f "$pidfile" "${pidfile%.pid}.start"
	# Where this run's output begins, so start-up failures are looked for in this run only.
	stat -c %s "$log" 2>/dev/null >"$ARCHON_RUN/$name.logstart" || echo 0 >"$ARCHON_RUN/$name.logstart"
	printf '\n=== %s started by ./archon at %s ===\n' "$name" "$(date -Is)" >>"$log"
	# shellcheck disable=SC2016
	setsid bash -c '
		read -r -a f < <(stat=$(cat /proc/$$/stat); echo "${stat##*) }")
		echo "${f[19]}" >"${0%.pid}.start"
		echo "$$" >"$0.tmp" && mv "$0.tmp" "$0"
		exec "$@"' "$pidfile" "$@" </dev/null >>"$log" 2>&1 &
	local i
	for ((i = 0; i < 50; i++)); do
		[[ -f $pidfile ]] && return 0
		sleep 0.1
	done
	die "$name did not start: see $log"
}

# Stops NAME: TERM, then KILL after the grace period (Spring's graceful shutdown needs a few seconds).
stop_process() {
	local name=$1 grace=${2:-${ARCHON_STOP_GRACE:-30}} pid i
	if ! pid=$(running_pid "$name"); then
		rm -f "$ARCHON_RUN/$name.pid" "$ARCHON_RUN/$name.start"
		return 0
	fi
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < grace * 10; i++)); do
		[[ $(proc_start_time "$pid" 2>/dev/null) ]] || break
		sleep 0.1
	done
	if [[ $(proc_start_time "$pid" 2>/dev/null) ]]; then
		warn "$name (pid $pid) ignored TERM for ${grace}s, killing it"
		kill -KILL "$pid" 2>/dev/null || true
		sleep 0.2
	fi
	rm -f "$ARCHON_RUN/$name.pid" "$ARCHON_RUN/$name.start" "$ARCHON_RUN/$name.logstart"
	echo "stopped $name (pid $pid)"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

tail_log() {
	local log=$ARCHON_LOGS/$1.log
	[[ -f $log ]] && tail -n "${2:-30}" "$log" | sed 's/^/    | /' >&2
	return 0
}

# True when NAME's output since its last start shows that Spring Boot gave up starting: the JVM may
# linger on non-daemon threads after that, and waiting for it would be in vain.
start_failed() {
	local log=$ARCHON_LOGS/$1.log from=0
	read -r from <"$ARCHON_RUN/$1.logstart" 2>/dev/null || from=0
	[[ -f $log ]] && tail -c +$((from + 1)) "$log" | grep -qE 'Application run failed|APPLICATION FAILED TO START'
}
