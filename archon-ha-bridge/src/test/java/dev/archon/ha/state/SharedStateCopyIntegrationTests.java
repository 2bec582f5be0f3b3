package dev.archon.ha.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.cache.RedisCircuit;
import dev.archon.ha.HaProperties;
import dev.archon.test.RealServices;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared copy in the real Redis: what one instance writes, a cold instance serves.
 */
class SharedStateCopyIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final HaProperties.Cache settings = new HaProperties.Cache("archon:ha:test:" + UUID.randomUUID(),
			Duration.ofSeconds(1), 64);

	private RedisCircuit circuit;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	@BeforeEach
	void connect() {
		java.net.URI url = java.net.URI.create(RealServices.get().redisUrl());
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
		this.circuit = new RedisCircuit(Duration.ofSeconds(5),
				() -> this.redis.execute((RedisCallback<String>) RedisConnection::ping));
	}

	@AfterEach
	void clean() {
		this.redis.delete(this.settings.redisKey());
		this.circuit.close();
		this.connections.destroy();
	}

	@Test
	void coldInstanceServesWhatAnotherInstanceWrote() {
		StateCache warm = new StateCache(Clock.systemUTC(), new SimpleMeterRegistry());
		SharedStateCopy writer = new SharedStateCopy(this.redis, this.circuit, warm, this.json, this.settings);
		CachedState kitchen = state("light.kitchen", "on", "2026-01-01T06:45:00+00:00");
		CachedState hallway = state("light.hallway", "off", "2026-01-01T06:00:00+00:00");
		writer.replaceAll(Map.of(kitchen.entityId(), kitchen, hallway.entityId(), hallway));
		writer.changed("light.hallway", state("light.hallway", "on", "2026-01-01T07:00:00+00:00"));
		writer.changed("light.kitchen", null);
		writer.flush();

		StateCache cold = new StateCache(Clock.systemUTC(), new SimpleMeterRegistry());
		int loaded = new SharedStateCopy(this.redis, this.circuit, cold, this.json, this.settings).load();

		assertThat(loaded).isEqualTo(1);
		assertThat(cold.get("light.hallway").state()).isEqualTo("on");
		assertThat(cold.get("light.kitchen")).isNull();
		assertThat(cold.isSynchronised()).isFalse();
	}

	private CachedState state(String entityId, String state, String at) {
		return CachedState.of(this.json.readTree("{\"entity_id\":\"" + entityId + "\",\"state\":\"" + state
				+ "\",\"attributes\":{},\"last_changed\":\"" + at + "\",\"last_updated\":\"" + at + "\"}"));
	}

}
