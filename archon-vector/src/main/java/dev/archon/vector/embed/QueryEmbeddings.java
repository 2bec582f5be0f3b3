package dev.archon.vector.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.archon.api.cache.SharedCache;
import dev.archon.api.cache.SharedCache.Codec;
import dev.archon.api.cache.SharedCaches;
import dev.archon.vector.VectorProperties;

import org.springframework.stereotype.Component;

/**
 * Query embeddings through three layers: this instance's memory, then Redis (shared by
 * all instances, keyed by model and the SHA-256 of the normalized text), then the model.
 * While Redis is down, searches go on from memory and the model.
 */
@Component
public class QueryEmbeddings {

	/** Base64 of the little-endian floats: what instances have always written. */
	private static final Codec<float[]> BASE64 = new Codec<>() {

		@Override
		public byte[] encode(float[] vector) {
			return QueryEmbeddings.encode(vector).getBytes(StandardCharsets.US_ASCII);
		}

		@Override
		public float[] decode(byte[] stored) {
			return QueryEmbeddings.decode(new String(stored, StandardCharsets.US_ASCII));
		}

	};

	private final Embedder embedder;

	private final SharedCache<float[]> cache;

	QueryEmbeddings(Embedder embedder, SharedCaches caches, VectorProperties properties) {
		this.embedder = embedder;
		this.cache = caches.create("embedding", "archon:vector:embedding:", BASE64,
				properties.embedding().localCacheSize(), properties.embedding().redisTtl());
	}

	/**
	 * The embedding of a query.
	 * @param query the query
	 * @return its unit-length vector
	 */
	public float[] embed(String query) {
		String normalized = normalize(query);
		String key = key(normalized);
		return this.cache.get(key).orElseGet(() -> {
			float[] vector = this.embedder.embed(List.of(normalized)).get(0);
			this.cache.put(key, vector);
			return vector;
		});
	}

	static String normalize(String query) {
		return query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private String key(String normalized) {
		return this.embedder.model() + ":" + SharedCache.digest(normalized);
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
