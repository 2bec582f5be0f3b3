package dev.archon.vector.embed;

import io.micrometer.core.instrument.MeterRegistry;

import dev.archon.vector.VectorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	@Bean
	Embedder embedder(VectorProperties properties, MeterRegistry meterRegistry, RestClient.Builder restClientBuilder) {
		VectorProperties.Embedding embedding = properties.embedding();
		return switch (embedding.provider()) {
			case "onnx" -> new MiniLmEmbedder(embedding.threads(), embedding.concurrency(), meterRegistry);
			case "openai" -> new OpenAiEmbedder(embedding.openai(), embedding.dimension(), restClientBuilder);
			default -> throw new IllegalStateException(
					"archon.vector.embedding.provider must be onnx or openai, not " + embedding.provider());
		};
	}

}
