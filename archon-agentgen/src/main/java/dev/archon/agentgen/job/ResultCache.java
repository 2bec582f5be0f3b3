package dev.archon.agentgen.job;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import dev.archon.api.cache.SharedCache;
import dev.archon.api.cache.SharedCache.Codec;
import dev.archon.api.cache.SharedCaches;

import org.springframework.stereotype.Component;

/**
 * Answers identical requests (same normalized description, framework, refinements and
 * sources) from this instance's memory, then Redis, which every instance shares; while
 * Redis is down, from memory alone. Only results made by real models are kept: a degraded
 * result would hide a provider's recovery.
 */
@Component
class ResultCache {

	/** Results carry every generated file: a few hundred are plenty for one instance. */
	private static final int LOCAL_SIZE = 256;

	private final SharedCache<CachedResult> results;

	ResultCache(SharedCaches caches, JobsProperties properties) {
		JsonMapper json = JsonMapper.builder().build();
		this.results = caches.create("result", "archon:agentgen:result:", new Codec<>() {

			@Override
			public byte[] encode(CachedResult value) {
				return json.writeValueAsBytes(value);
			}

			@Override
			public CachedResult decode(byte[] stored) {
				return json.readValue(stored, CachedResult.class);
			}

		}, LOCAL_SIZE, properties.cacheTtl());
	}

	static String key(String description, String framework, int refinements, List<String> sources) {
		String normalized = description.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + "\n" + framework
				+ "\n" + refinements + "\n" + String.join(",", sources.stream().sorted().toList());
		return SharedCache.digest(normalized);
	}

	Optional<CachedResult> get(String key) {
		return this.results.get(key);
	}

	void put(String key, CachedResult result) {
		this.results.put(key, result);
	}

}
