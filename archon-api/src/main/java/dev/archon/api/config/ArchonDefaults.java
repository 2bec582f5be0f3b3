package dev.archon.api.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every Archon service runs with unless it says otherwise: virtual threads,
 * graceful shutdown, the actuator on its own port (the service's port plus 1000, never
 * routed by NGINX), health probes, Prometheus with latency buckets chosen for the
 * dashboards and alerts, common metric tags, structured logs, and the environment
 * variables the launcher and docker-compose set. They are added last, so each service's
 * own configuration and the environment win.
 */
public class ArchonDefaults implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "archonDefaults";

	static final int MANAGEMENT_PORT_OFFSET = 1000;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.threads.virtual.enabled", "true");
		defaults.put("server.shutdown", "graceful");
		defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
		defaults.put("spring.mvc.problemdetails.enabled", "true");
		// No operation takes an upload: parsed eagerly, a malformed multipart body would
		// fail with a 500 before a controller could answer it 415.
		defaults.put("spring.servlet.multipart.enabled", "false");
		// NGINX keeps its upstream connections for 10,000 requests (keepalive_requests);
		// Tomcat's default of 100 would close each one a hundred times sooner.
		defaults.put("server.tomcat.max-keep-alive-requests", "10000");
		// A request must not hang on a data store that is down: Hikari's default wait for
		// a
		// connection is 30 s and Lettuce's command timeout a minute. Past these, the
		// request
		// answers 503 with Retry-After (DataStoreProblemHandler).
		defaults.put("spring.datasource.hikari.connection-timeout", "3000");
		// 3 s, not less: Lettuce's connection handshake runs under the command timeout,
		// and
		// seven JVMs starting on two cores stalled it past 1 s.
		defaults.put("spring.data.redis.timeout", "3s");
		defaults.put("spring.data.redis.connect-timeout", "1s");
		// On a Redis Cluster, a failed-over master must be noticed without a restart.
		defaults.put("spring.data.redis.lettuce.cluster.refresh.adaptive", "true");
		defaults.put("spring.data.redis.lettuce.cluster.refresh.period", "5s");
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		// Components and details (paths, versions, sizes) only for a caller with the key.
		defaults.put("management.endpoint.health.show-details", "when-authorized");
		// A part the service does without (Redis) reports its outage as DEGRADED: worse
		// than UP, but answered 200, so that the instance stays ready.
		defaults.put("management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN");
		defaults.put("management.endpoint.health.show-components", "when-authorized");
		defaults.put("management.metrics.tags.application", "${spring.application.name}");
		defaults.put("management.metrics.tags.instance", "${archon.api.instance}");
		// Latency buckets chosen from what the dashboards and rules query (every query
		// is in deploy/prometheus/dashboard-check's reach), instead of Micrometer's
		// percentile histogram of about 70 buckets per series. Each ladder spans the
		// range its meter lives in, in steps of 1-2.5-5 so that an interpolated
		// p50/p95/p99 is off by less than a step, with a bound at every threshold an
		// alert compares a quantile with (5 s, 15 s), so those alerts count exactly.
		// Timers that no query reads buckets of (archon.ha.commands, ...) publish
		// count, sum and max only.
		defaults.put("management.metrics.distribution.slo.http.server.requests",
				"1ms,2500us,5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,15s,30s");
		defaults.put("management.metrics.distribution.slo.archon.vector.search",
				"1ms,2500us,5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms");
		defaults.put("management.metrics.distribution.slo.archon.agent.overhead",
				"50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,15s,30s,60s");
		// End to end, a generation waits on several LLM calls: minutes, not seconds.
		defaults.put("management.metrics.distribution.slo.archon.agent.generation",
				"1s,2500ms,5s,10s,15s,30s,60s,120s,300s,600s");
		defaults.put("management.metrics.distribution.slo.archon.llm.latency",
				"10ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,30s,60s,120s");
		defaults.put("management.metrics.distribution.slo.archon.llm.first.token",
				"50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,30s");
		defaults.put("management.metrics.distribution.slo.archon.ha.patterns.analysis",
				"100ms,250ms,500ms,1s,2500ms,5s,10s,15s,30s,60s");
		defaults.put("logging.structured.format.console", "${ARCHON_LOG_FORMAT:ecs}");
		defaults.put("archon.api.keys", "${ARCHON_API_KEYS:}");
		defaults.put("archon.api.outbound-key", "${ARCHON_API_KEY:}");
		defaults.put("archon.api.instance", "${ARCHON_INSTANCE:${spring.application.name}-${server.port:8080}}");
		// A Redis Cluster or Sentinel instead of the one server of ARCHON_REDIS_URL,
		// named as the
		// launcher and docker-compose name everything else. Only when set: an empty node
		// list
		// would still switch Lettuce to cluster mode.
		copyIfSet(environment, defaults, "ARCHON_REDIS_CLUSTER_NODES", "spring.data.redis.cluster.nodes");
		copyIfSet(environment, defaults, "ARCHON_REDIS_SENTINEL_MASTER", "spring.data.redis.sentinel.master");
		copyIfSet(environment, defaults, "ARCHON_REDIS_SENTINEL_NODES", "spring.data.redis.sentinel.nodes");
		Integer port = environment.getProperty("server.port", Integer.class);
		if (port != null && port > 0 && !environment.containsProperty("management.server.port")) {
			defaults.put("management.server.port", port + MANAGEMENT_PORT_OFFSET);
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	private static void copyIfSet(ConfigurableEnvironment environment, Map<String, Object> defaults, String variable,
			String property) {
		String value = environment.getProperty(variable);
		if (value != null && !value.isBlank()) {
			defaults.put(property, value);
		}
	}

}
