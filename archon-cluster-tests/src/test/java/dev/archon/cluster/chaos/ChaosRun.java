package dev.archon.cluster.chaos;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one fault under a fresh mixed load: warm-up, fault, repair, recovery, then the
 * audit of the work the load had the cluster accept.
 */
final class ChaosRun {

	/**
	 * How long accepted jobs may take to finish after the load stops: past a killed
	 * worker's 30 s lease, and the pipeline after it.
	 */
	private static final Duration AUDIT_PATIENCE = Duration.ofMinutes(3);

	private final Cluster cluster;

	private final HttpClient http;

	private final JsonMapper json;

	private final String apiKey;

	private final Mode mode;

	ChaosRun(Cluster cluster, HttpClient http, JsonMapper json, String apiKey, Mode mode) {
		this.cluster = cluster;
		this.http = http;
		this.json = json;
		this.apiKey = apiKey;
		this.mode = mode;
	}

	ScenarioResult run(Fault fault) throws Exception {
		Tally tally = new Tally();
		Api api = new Api(this.http, this.apiKey, tally);
		List<String> violations = new ArrayList<>();
		Duration broken;
		LostWork work;
		try (MixedLoad load = new MixedLoad(api, this.http, this.json, fault.name())) {
			load.start();
			Thread.sleep(this.mode.warmUp());
			Instant injected = Instant.now();
			try {
				fault.inject(this.cluster);
				Duration outage = fault.outage(this.mode);
				fault.whileBroken(this.cluster, api, outage, violations);
				Duration rest = outage.minus(Duration.between(injected, Instant.now()));
				if (rest.isPositive()) {
					Thread.sleep(rest);
				}
			}
			finally {
				fault.heal(this.cluster);
			}
			broken = Duration.between(injected, Instant.now());
			Thread.sleep(this.mode.recovery());
			fault.afterRecovery(this.cluster, api, violations);
			load.stop();
			work = load.audit(AUDIT_PATIENCE);
		}
		return ScenarioResult.of(fault.name(), broken.toSeconds(), tally, work, maxErrorRate(fault, broken),
				violations);
	}

	/**
	 * Where requests may fail by design while the fault lasts, no more of them than the
	 * outage's share of the load's time (plus the usual 1 %); else the usual 1 %.
	 */
	private double maxErrorRate(Fault fault, Duration broken) {
		if (!fault.failsRequestsByDesign()) {
			return Fault.TOLERATED_ERROR_RATE;
		}
		double loaded = broken.plus(this.mode.warmUp()).plus(this.mode.recovery()).toMillis();
		return broken.toMillis() / loaded + Fault.TOLERATED_ERROR_RATE;
	}

}
