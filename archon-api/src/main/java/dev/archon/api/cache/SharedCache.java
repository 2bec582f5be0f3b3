package dev.archon.api.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.archon.api.cache.RedisCircuit.Reply;

import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.types.Expiration;

/**
 * A cache of values that never change for their key, in two layers: this instance's
 * memory (bounded), then Redis, shared by every instance. While Redis is away, lookups
 * that miss memory miss the cache, values go to memory only, and each one is counted as a
 * fallback ({@code archon.cache.fallbacks}); once Redis answers again, new values reach
 * it again. Lookups are counted by layer and outcome ({@code archon.cache.gets}).
 *
 * @param <V> the type of the values
 */
public final class SharedCache<V> {

	private final String prefix;

	private final Codec<V> codec;

	private final Duration ttl;

	private final RedisOperations<?, ?> redis;

	private final RedisCircuit circuit;

	private final Cache<String, V> local;

	private final Counter localHits;

	private final Counter localMisses;

	private final Counter redisHits;

	private final Counter redisMisses;

	private final Counter fallbacks;

	SharedCache(String name, String prefix, Codec<V> codec, long localSize, Duration ttl, RedisOperations<?, ?> redis,
			RedisCircuit circuit, MeterRegistry meters) {
		this.prefix = prefix;
		this.codec = codec;
		this.ttl = ttl;
		this.redis = redis;
		this.circuit = circuit;
		this.local = Caffeine.newBuilder().maximumSize(localSize).expireAfterWrite(ttl).build();
		this.localHits = lookups(meters, name, "local", "hit");
		this.localMisses = lookups(meters, name, "local", "miss");
		this.redisHits = lookups(meters, name, "redis", "hit");
		this.redisMisses = lookups(meters, name, "redis", "miss");
		this.fallbacks = Counter.builder("archon.cache.fallbacks")
			.description("Cache reads and writes that did without Redis because it failed or was being left alone")
			.tag("cache", name)
			.register(meters);
	}

	private static Counter lookups(MeterRegistry meters, String cache, String layer, String outcome) {
		return Counter.builder("archon.cache.gets")
			.description("Cache lookups by cache, layer and outcome")
			.tag("cache", cache)
			.tag("layer", layer)
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * The value of a key, from memory or else from Redis.
	 * @param key the key, without the cache's prefix
	 * @return the value, empty on a miss or when Redis is away and memory misses
	 */
	public Optional<V> get(String key) {
		V local = this.local.getIfPresent(key);
		if (local != null) {
			this.localHits.increment();
			return Optional.of(local);
		}
		this.localMisses.increment();
		byte[] redisKey = redisKey(key);
		Reply<byte[]> reply = this.circuit.call(() -> this.redis
			.execute((RedisCallback<byte[]>) (connection) -> connection.stringCommands().get(redisKey)));
		if (!reply.answered()) {
			this.fallbacks.increment();
			return Optional.empty();
		}
		byte[] stored = reply.value();
		if (stored == null) {
			this.redisMisses.increment();
			return Optional.empty();
		}
		this.redisHits.increment();
		V value = this.codec.decode(stored);
		this.local.put(key, value);
		return Optional.of(value);
	}

	/**
	 * Keeps a value in memory and, when it answers, in Redis, for the cache's time to
	 * live.
	 * @param key the key, without the cache's prefix
	 * @param value the value
	 */
	public void put(String key, V value) {
		this.local.put(key, value);
		byte[] redisKey = redisKey(key);
		byte[] encoded = this.codec.encode(value);
		boolean stored = this.circuit
			.run(() -> this.redis.execute((RedisCallback<Boolean>) (connection) -> connection.stringCommands()
				.set(redisKey, encoded, Expiration.from(this.ttl), SetOption.upsert())));
		if (!stored) {
			this.fallbacks.increment();
		}
	}

	private byte[] redisKey(String key) {
		return (this.prefix + key).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * How the values are written to Redis.
	 *
	 * @param <V> the type of the values
	 */
	public interface Codec<V> {

		byte[] encode(V value);

		V decode(byte[] stored);

		/**
		 * Values that are bytes already.
		 * @return the codec that keeps them as they are
		 */
		static Codec<byte[]> bytes() {
			return new Codec<>() {

				@Override
				public byte[] encode(byte[] value) {
					return value;
				}

				@Override
				public byte[] decode(byte[] stored) {
					return stored;
				}

			};
		}

	}

	/**
	 * A key for a text of any length: its SHA-256 in hexadecimal, so that keys stay short
	 * and never carry the text itself into Redis.
	 * @param text the text the cached value derives from
	 * @return 64 hexadecimal digits
	 */
	public static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
