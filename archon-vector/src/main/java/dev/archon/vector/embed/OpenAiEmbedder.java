package dev.archon.vector.embed;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;

import dev.archon.vector.VectorProperties;
import dev.archon.vector.http.RestClientHttpClientBuilder;

import org.springframework.web.client.RestClient;

/**
 * An OpenAI-compatible {@code /v1/embeddings} endpoint (OpenAI, Ollama, vLLM) through
 * langchain4j's model, which batches the texts and keeps their order. The vectors are
 * checked against the configured dimension, which the store's column was made for, and
 * scaled to unit length, which not every compatible server does.
 */
class OpenAiEmbedder implements Embedder {

	private final EmbeddingModel model;

	private final String modelName;

	private final int dimension;

	OpenAiEmbedder(VectorProperties.OpenAi settings, int dimension, RestClient.Builder restClientBuilder) {
		String apiKey = settings.apiKey();
		this.model = OpenAiEmbeddingModel.builder()
			.httpClientBuilder(new RestClientHttpClientBuilder(restClientBuilder))
			// The setting names the server, as OpenAI's own clients do; the API lives
			// under /v1.
			.baseUrl(settings.baseUrl().toString().replaceAll("/+$", "") + "/v1")
			// OpenAI-compatible servers without keys (Ollama, vLLM) ignore it.
			.apiKey((apiKey != null && !apiKey.isBlank()) ? apiKey : "none")
			.modelName(settings.model())
			.timeout(settings.timeout())
			// A failed batch fails its ingestion, which the caller may repeat.
			.maxRetries(0)
			.maxSegmentsPerBatch(settings.batchSize())
			.build();
		this.modelName = settings.model();
		this.dimension = dimension;
	}

	@Override
	public String model() {
		return this.modelName;
	}

	@Override
	public int dimension() {
		return this.dimension;
	}

	@Override
	public List<float[]> embed(List<String> texts) {
		List<Embedding> embeddings = this.model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
		if (embeddings.size() != texts.size()) {
			throw new IllegalStateException(
					"The embedding endpoint answered " + embeddings.size() + " vectors for " + texts.size() + " texts");
		}
		return embeddings.stream().map(this::checked).toList();
	}

	private float[] checked(Embedding embedding) {
		if (embedding.dimension() != this.dimension) {
			throw new IllegalStateException("The embedding endpoint answered with " + embedding.dimension()
					+ " dimensions, " + this.dimension + " configured");
		}
		return Embedder.normalize(embedding.vector());
	}

}
