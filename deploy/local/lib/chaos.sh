# The fault suite of issue 12: archon-cluster-tests' ChaosIntegrationTests against the local cluster,
# with the issue's outage durations. `./archon test` runs the same scenarios with outages of seconds.

cmd_chaos() {
	local mode=full
	case ${1:-} in
		'') ;;
		--quick) mode=quick ;;
		*) die "usage: ./archon chaos [--quick]" ;;
	esac
	ensure_state_dirs
	ensure_packages "${ARCHON_CLUSTER_PACKAGES[@]}"
	build_jars
	info "fault suite ($mode): restarts instances, Redis on :$ARCHON_REDIS_PORT and PostgreSQL $ARCHON_PG_VERSION/$ARCHON_PG_CLUSTER on :$ARCHON_PG_PORT"
	# Only the suite runs: the jars it starts are those build_jars has just checked.
	ARCHON_CHAOS=$mode ARCHON_PG_CLUSTER=$ARCHON_PG_CLUSTER ARCHON_PG_PORT=$ARCHON_PG_PORT \
		maven -B -pl archon-cluster-tests -am verify \
		-Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
		-Dit.test=ChaosIntegrationTests -Dfailsafe.failIfNoSpecifiedTests=false ||
		die "the fault suite failed (figures above, lines starting 'Chaos:')"
	[[ $mode == full ]] && info "figures written to bench/results/chaos.json"
	return 0
}
