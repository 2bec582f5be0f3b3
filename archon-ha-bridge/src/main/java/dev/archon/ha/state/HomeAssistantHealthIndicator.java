package dev.archon.ha.state;

import dev.archon.ha.client.HomeAssistantConnection;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Down while the state cache is not synchronised with Home Assistant, so that readiness
 * keeps traffic away from an instance that would answer from a stale copy.
 */
class HomeAssistantHealthIndicator implements HealthIndicator {

	private final StateCache cache;

	private final HomeAssistantConnection connection;

	HomeAssistantHealthIndicator(StateCache cache, HomeAssistantConnection connection) {
		this.cache = cache;
		this.connection = connection;
	}

	@Override
	public Health health() {
		Health.Builder builder = this.cache.isSynchronised() ? Health.up() : Health.down();
		return builder.withDetail("connected", this.connection.isConnected())
			.withDetail("synchronised", this.cache.isSynchronised())
			.withDetail("entities", this.cache.size())
			.withDetail("stalenessSeconds", this.cache.staleness().toSeconds())
			.build();
	}

}
