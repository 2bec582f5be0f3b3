package dev.archon.vector.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import dev.archon.vector.VectorProperties;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Query embeddings through three layers: this instance's memory, then Redis (shared by
 * all instances, keyed by model and the SHA-256 of the normalized text), then the model.
 * When Redis fails, it is left alone for a few seconds so that each query does not wait
 * for its timeout; searches go on from memory and the model.
 */
@Component
public class QueryEmbeddings {

	private static final Logger logger = LoggerFactory.getLogger(QueryEmbeddings.class);

	private static final long REDIS_BACKOFF_NANOS = Duration.ofSeconds(5).toNanos();

	private final Embedder embedder;

	private final StringRedisTemplate redis;

	private final Duration redisTtl;

	private final Cache<String, float[]> local;

	private final AtomicLong redisDownSince = new AtomicLong();

	private final Counter localHits;

	private final Counter localMisses;

	private final Counter redisHits;

	private final Counter redisMisses;

	QueryEmbeddings(Embedder embedder, StringRedisTemplate redis, VectorProperties properties,
			MeterRegistry meterRegistry) {
		this.embedder = embedder;
		this.redis = redis;
		this.redisTtl = properties.embedding().redisTtl();
		this.local = Caffeine.newBuilder().maximumSize(properties.embedding().localCacheSize()).build();
		this.localHits = counter(meterRegistry, "local", "hit");
		this.localMisses = counter(meterRegistry, "local", "miss");
		this.redisHits = counter(meterRegistry, "redis", "hit");
		this.redisMisses = counter(meterRegistry, "redis", "miss");
	}

	private static Counter counter(MeterRegistry registry, String layer, String outcome) {
		return Counter.builder("archon.vector.cache")
			.description("Cache lookups by cache, layer and outcome")
			.tag("cache", "embedding")
			.tag("layer", layer)
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * The embedding of a query.
	 * @param query the query
	 * @return its unit-length vector
	 */
	public float[] embed(String query) {
		String normalized = normalize(query);
		float[] cached = this.local.getIfPresent(normalized);
		if (cached != null) {
			this.localHits.increment();
			return cached;
		}
		this.localMisses.increment();
		String key = redisKey(normalized);
		float[] shared = fromRedis(key);
		if (shared != null) {
			this.redisHits.increment();
			this.local.put(normalized, shared);
			return shared;
		}
		this.redisMisses.increment();
		float[] vector = this.embedder.embed(List.of(normalized)).get(0);
		this.local.put(normalized, vector);
		toRedis(key, vector);
		return vector;
	}

	/**
	 * Whether Redis answered the last time it was asked.
	 * @return {@code false} while Redis is treated as down
	 */
	public boolean redisAvailable() {
		return this.redisDownSince.get() == 0;
	}

	static String normalize(String query) {
		return query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private String redisKey(String normalized) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
			return "archon:vector:embedding:" + this.embedder.model() + ":" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private float @Nullable [] fromRedis(String key) {
		if (!redisWorthTrying()) {
			return null;
		}
		try {
			String value = this.redis.opsForValue().get(key);
			redisAnswered();
			return (value != null) ? decode(value) : null;
		}
		catch (DataAccessException ex) {
			redisFailed(ex);
			return null;
		}
	}

	private void toRedis(String key, float[] vector) {
		if (!redisWorthTrying()) {
			return;
		}
		try {
			this.redis.opsForValue().set(key, encode(vector), this.redisTtl);
			redisAnswered();
		}
		catch (DataAccessException ex) {
			redisFailed(ex);
		}
	}

	private boolean redisWorthTrying() {
		long since = this.redisDownSince.get();
		return since == 0 || System.nanoTime() - since > REDIS_BACKOFF_NANOS;
	}

	private void redisAnswered() {
		if (this.redisDownSince.getAndSet(0) != 0) {
			logger.info("Redis answers again; query embeddings are shared again");
		}
	}

	private void redisFailed(DataAccessException ex) {
		if (this.redisDownSince.getAndSet(System.nanoTime()) == 0) {
			logger.warn("Redis failed ({}); query embeddings come from memory and the model", ex.getMessage());
		}
	}

	static String encode(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(vector);
		return Base64.getEncoder().encodeToString(buffer.array());
	}

	static float[] decode(String value) {
		ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(value)).order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[buffer.remaining() / Float.BYTES];
		buffer.asFloatBuffer().get(vector);
		return vector;
	}

}
