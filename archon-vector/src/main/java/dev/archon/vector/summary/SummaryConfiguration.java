package dev.archon.vector.summary;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import dev.archon.vector.VectorProperties;
import dev.archon.vector.http.RestClientHttpClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

	/**
	 * The LLM that titles and summarizes chunks, only when a base URL is configured.
	 * @param properties the settings
	 * @return langchain4j's OpenAI chat model
	 */
	@Bean
	@ConditionalOnExpression("!'${archon.vector.summaries.base-url:}'.isBlank()")
	ChatModel summaryChatModel(VectorProperties properties, RestClient.Builder restClientBuilder) {
		VectorProperties.Summaries summaries = properties.summaries();
		String apiKey = summaries.apiKey();
		return OpenAiChatModel.builder()
			.httpClientBuilder(new RestClientHttpClientBuilder(restClientBuilder))
			.baseUrl(summaries.baseUrl())
			// OpenAI-compatible servers without keys (Ollama, vLLM) ignore it.
			.apiKey((apiKey != null && !apiKey.isBlank()) ? apiKey : "none")
			.modelName(summaries.model())
			.timeout(summaries.timeout())
			.maxRetries(summaries.maxRetries())
			.temperature(0.0)
			.build();
	}

}
