package dev.archon.vector.embed;

import java.net.http.HttpClient;

import io.micrometer.core.instrument.MeterRegistry;

import dev.archon.vector.VectorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	@Bean
	Embedder embedder(VectorProperties properties, MeterRegistry meterRegistry) {
		VectorProperties.Embedding embedding = properties.embedding();
		return switch (embedding.provider()) {
			case "onnx" -> new OnnxEmbedder(embedding.batchSize(), embedding.threads(), embedding.concurrency(),
					embedding.maxSequenceTokens(), meterRegistry);
			case "openai" -> openAi(embedding);
			default -> throw new IllegalStateException(
					"archon.vector.embedding.provider must be onnx or openai, not " + embedding.provider());
		};
	}

	private static Embedder openAi(VectorProperties.Embedding embedding) {
		VectorProperties.OpenAi openai = embedding.openai();
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(openai.timeout()).build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(openai.timeout());
		RestClient.Builder builder = RestClient.builder()
			.baseUrl(openai.baseUrl().toString())
			.requestFactory(requestFactory);
		if (openai.apiKey() != null && !openai.apiKey().isBlank()) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + openai.apiKey());
		}
		return new OpenAiEmbedder(builder.build(), openai.model(), embedding.dimension(), openai.batchSize());
	}

}
