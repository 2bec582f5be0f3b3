package dev.archon.vector.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * An OpenAI-compatible {@code /v1/embeddings} endpoint (OpenAI, Ollama, vLLM).
 */
class OpenAiEmbedder implements Embedder {

	private final RestClient client;

	private final String model;

	private final int dimension;

	private final int batchSize;

	OpenAiEmbedder(RestClient client, String model, int dimension, int batchSize) {
		this.client = client;
		this.model = model;
		this.dimension = dimension;
		this.batchSize = batchSize;
	}

	@Override
	public String model() {
		return this.model;
	}

	@Override
	public int dimension() {
		return this.dimension;
	}

	@Override
	public List<float[]> embed(List<String> texts) {
		List<float[]> vectors = new ArrayList<>(texts.size());
		for (int start = 0; start < texts.size(); start += this.batchSize) {
			List<String> batch = texts.subList(start, Math.min(texts.size(), start + this.batchSize));
			EmbeddingsResponse response = this.client.post()
				.uri("/v1/embeddings")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("model", this.model, "input", batch))
				.retrieve()
				.body(EmbeddingsResponse.class);
			if (response == null || response.data() == null || response.data().size() != batch.size()) {
				throw new IllegalStateException("The embedding endpoint answered with the wrong number of vectors");
			}
			response.data().stream().sorted(Comparator.comparingInt(Datum::index)).forEach((datum) -> {
				if (datum.embedding().length != this.dimension) {
					throw new IllegalStateException("The embedding endpoint answered with " + datum.embedding().length
							+ " dimensions, " + this.dimension + " configured");
				}
				vectors.add(Embedder.normalize(datum.embedding()));
			});
		}
		return vectors;
	}

	record EmbeddingsResponse(@Nullable List<Datum> data) {

	}

	record Datum(int index, float[] embedding) {

	}

}
