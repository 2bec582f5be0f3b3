package dev.archon.agentgen.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers identical requests (same normalized description, framework, refinements and
 * sources) from Redis. Only results made by real models are kept: a degraded result would
 * hide a provider's recovery.
 */
@Component
class ResultCache {

	private static final Logger logger = LoggerFactory.getLogger(ResultCache.class);

	private static final String PREFIX = "archon:agentgen:result:";

	private final StringRedisTemplate redis;

	private final JobsProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	ResultCache(StringRedisTemplate redis, JobsProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	static String key(String description, String framework, int refinements, List<String> sources) {
		String normalized = description.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + "\n" + framework
				+ "\n" + refinements + "\n" + String.join(",", sources.stream().sorted().toList());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Optional<CachedResult> get(String key) {
		try {
			String value = this.redis.opsForValue().get(PREFIX + key);
			return Optional.ofNullable(value).map((stored) -> this.json.readValue(stored, CachedResult.class));
		}
		catch (RuntimeException ex) {
			logger.warn("Result cache unavailable: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	void put(String key, CachedResult result) {
		try {
			this.redis.opsForValue()
				.set(PREFIX + key, this.json.writeValueAsString(result), this.properties.cacheTtl());
		}
		catch (RuntimeException ex) {
			logger.warn("Result cache unavailable: {}", ex.getMessage());
		}
	}

}
