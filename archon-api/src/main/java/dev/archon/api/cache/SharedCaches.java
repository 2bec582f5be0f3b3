package dev.archon.api.cache;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import dev.archon.api.cache.SharedCache.Codec;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Makes this service's {@link SharedCache caches}, all behind its one
 * {@link RedisCircuit}: Redis is one server (or cluster) for all of them, so a failure
 * seen by one spares the others the wait.
 */
public final class SharedCaches {

	private final StringRedisTemplate redis;

	private final RedisCircuit circuit;

	private final MeterRegistry meters;

	SharedCaches(StringRedisTemplate redis, RedisCircuit circuit, MeterRegistry meters) {
		this.redis = redis;
		this.circuit = circuit;
		this.meters = meters;
	}

	/**
	 * Makes a cache.
	 * @param <V> the type of its values
	 * @param name its name in metrics, such as {@code embedding}
	 * @param prefix what its Redis keys start with, such as
	 * {@code archon:vector:embedding:}
	 * @param codec how its values are written to Redis
	 * @param localSize how many values this instance keeps in memory
	 * @param ttl how long a value is kept, in memory and in Redis
	 * @return the cache
	 */
	public <V> SharedCache<V> create(String name, String prefix, Codec<V> codec, long localSize, Duration ttl) {
		return new SharedCache<>(name, prefix, codec, localSize, ttl, this.redis, this.circuit, this.meters);
	}

}
