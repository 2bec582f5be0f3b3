package dev.archon.api.cache;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis's health as an Archon service sees it: a service answers without Redis, from
 * memory and its database, so an outage is {@link #DEGRADED}, which keeps the instance
 * ready, rather than {@code DOWN}, which would take every instance out of the load
 * balancer at once. It pings through the {@link RedisCircuit}, so a probe of readiness
 * does not wait for the command timeout while Redis is down either.
 */
class RedisFallbackHealthIndicator extends AbstractHealthIndicator {

	/** Working, without a part it can do without. */
	static final Status DEGRADED = new Status("DEGRADED");

	private final StringRedisTemplate redis;

	private final RedisCircuit circuit;

	RedisFallbackHealthIndicator(StringRedisTemplate redis, RedisCircuit circuit) {
		super("Redis health check failed");
		this.redis = redis;
		this.circuit = circuit;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.circuit.call(() -> this.redis.execute((RedisCallback<String>) RedisConnection::ping)).answered()) {
			builder.up();
		}
		else {
			builder.status(DEGRADED).withDetail("fallback", "caches answer from this instance's memory");
		}
	}

}
